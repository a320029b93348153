// How a test starts the real server as a process: `node` on the build test/support/global-setup.ts
// made once for the run (build-bot.ts), as `npm start` runs dist/bot/main.js.
import { join } from 'node:path';
import { inject } from 'vitest';

/** The arguments after `node` that start bot/main.ts, `nodeArgs` (e.g. a preload from builtFile) first. */
export function botCommand(nodeArgs: readonly string[] = []): string[] {
  return [...nodeArgs, builtFile('bot/main.ts')];
}

/** The compiled file of `path` (a .ts file of this repository, relative to its root). */
export function builtFile(path: string): string {
  return join(inject('builtBot'), path.replace(/\.ts$/, '.js'));
}
