// Sends pre-built HTTP requests to a server, `concurrency` at a time, and times each answer: the
// callback load of the end-to-end bench and every floor use this one client. It runs in a process
// of its own (bench/load-client.ts) over keep-alive connections, so it can saturate a bare Koa
// route and its CPU is measured apart from the server's.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult {
  /** Date.now() when the first request went out (after the client process started). */
  startedAt: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  concurrency: number;
  /** The client process's own CPU time while it sent, in ms. */
  clientCpuMs: number;
}

export interface PreparedRequest {
  url: string;
  body?: string;
}

export async function sendAll(requests: PreparedRequest[], concurrency: number): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'xmgj-load-'));
  const file = join(dir, 'requests.json');
  writeFileSync(file, JSON.stringify({ requests, concurrency }));
  try {
    const child = fork(new URL('./load-client.ts', import.meta.url).pathname, [file], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit');
    const result = await Promise.race([
      once(child, 'message').then(([message]) => message as LoadResult),
      exited.then(([code]) => Promise.reject(new Error(`the load client exited with ${String(code)}`))),
    ]);
    await exited;
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
