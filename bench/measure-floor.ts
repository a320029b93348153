// A bare Koa route's requests/s with the bench's own client, measured in the same run as the
// end-to-end load so the ratio between them says how close the bot comes to the machine's floor.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.js';
import { sendAll, type LoadResult } from './load-callbacks.js';

export async function measureFloor(requests: number, concurrency: number): Promise<LoadResult> {
  const port = await freePort();
  const child = fork(new URL('./bare-koa.ts', import.meta.url).pathname, [String(port)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await once(child, 'message');
  try {
    const url = `http://127.0.0.1:${port}/`;
    return await sendAll(
      Array.from({ length: requests }, () => ({ url })),
      concurrency,
    );
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
