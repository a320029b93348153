// The real server as `npm start` runs it (compiled to dist/ by `npm run build`, which `npm run bench` runs first), in its own process: on an embedded
// database directory or a PostgreSQL URL, with WeCom pointed at the bench's fake, or the local chat.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sample, config as wecom } from '../test/bot/wecom/wecom-fixtures.js';
import { freePort } from './free-port.js';

export interface ServerOptions {
  /** A postgres:// URL, or a PGlite directory named `pglite` (the server's DATA_DIR is its parent). */
  database: string;
  /** The fake WeCom's base URL; without it the server runs the local chat. */
  wecomApiBase?: string;
  rosterFile?: string;
  policyFile?: string;
  /** Writes a V8 CPU profile into this directory when the server exits. */
  cpuProfDir?: string;
}

export interface RunningServer {
  base: string;
  /** The server's process id, for its CPU time (bench/read-process-cpu.ts). */
  pid: number;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  readyMs: number;
  /** The process's resident memory now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...(options.database.includes('://') ? { DATABASE_URL: options.database } : { DATA_DIR: dirname(options.database) }),
    ...(options.rosterFile && { ROSTER_FILE: options.rosterFile }),
    ...(options.policyFile && { POLICY_FILE: options.policyFile }),
    ...(options.wecomApiBase && {
      WECOM_CORP_ID: sample.corpId,
      WECOM_AGENT_ID: String(wecom.agentId),
      WECOM_SECRET: wecom.secret,
      WECOM_TOKEN: sample.token,
      WECOM_ENCODING_AES_KEY: sample.encodingAesKey,
      WECOM_API_BASE: options.wecomApiBase,
    }),
  };
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), '--enable-source-maps', 'dist/bot/main.js'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (exited) throw new Error('the server exited before it was ready');
    if (performance.now() - started > 300_000) throw new Error('the server did not become ready within 300 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const readyMs = performance.now() - started;
  return {
    base,
    pid: child.pid!,
    readyMs,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024,
    async stop() {
      if (exited) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      await done;
    },
  };
}
