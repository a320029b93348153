// The bare Koa floor: a route in its own process (bench/bare-koa.ts) hit by the bench's own client
// at each concurrency, in the same run as the end-to-end load, so the ratio between them says how
// close the bot comes to what Node and HTTP allow on this machine; with its CPU per request.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.js';
import { sendAll, type LoadResult } from './load-callbacks.js';
import { readProcessCpu } from './read-process-cpu.js';

export interface BareFloor {
  load: LoadResult;
  serverCpuMs: number;
}

export async function measureFloor(requests: number, concurrencies: number[]): Promise<BareFloor[]> {
  const port = await freePort();
  const child = fork(new URL('./bare-koa.ts', import.meta.url).pathname, [String(port)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await once(child, 'message');
  try {
    const url = `http://127.0.0.1:${port}/`;
    // Warmed up first, as the bot's server is.
    await sendAll(
      Array.from({ length: requests / 10 }, () => ({ url })),
      concurrencies[0]!,
    );
    const floors: BareFloor[] = [];
    for (const concurrency of concurrencies) {
      const before = readProcessCpu(child.pid!);
      const load = await sendAll(
        Array.from({ length: requests }, () => ({ url })),
        concurrency,
      );
      floors.push({ load, serverCpuMs: (readProcessCpu(child.pid!) - before) / requests });
    }
    return floors;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
