// Where the server listens, as an operator sees it: the start-up line names the address actually
// bound, the local chat stays on this machine by default, and a port already taken is one line
// and exit 1. The real entry point runs in a child process.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botCommand } from '../support/bot-command.js';
import { startBotProcess } from './start-bot-process.js';

const dir = mkdtempSync(join(tmpdir(), 'xmgj-listen-'));

function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, botCommand(), {
    env: { PATH: process.env.PATH, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

// Each start opens (the first one creates) an embedded database: seconds on a busy machine.
describe('HOST and PORT', { timeout: 60_000 }, () => {
  it('refuses a port already in use with one line and exit 1', async () => {
    const holder = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const port = (holder.address() as AddressInfo).port;
    try {
      const result = start({ PORT: String(port) });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^项目管家 cannot start — PORT ${port} is already in use on 127\\.0\\.0\\.1`));
      expect(result.stderr.split('\n')).toHaveLength(1);
    } finally {
      holder.close();
    }
  });

  it('refuses a HOST that is not an address with one line and exit 1', () => {
    const result = start({ PORT: '0', HOST: 'not a host' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^项目管家 cannot start — HOST: expected an IP address/);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('serves the local chat on 127.0.0.1 only by default, and says so', async () => {
    const bot = await startBotProcess({});
    try {
      expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});
