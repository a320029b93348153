// The local chat's clock (npm run chat -- --clock): moving it sends the digests due at the new time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect, it } from 'vitest';
import { createApp } from '../../../bot/app.js';
import { createLocalTransport } from '../../../bot/local/create-local-transport.js';
import type { LocalDelivery } from '../../../bot/local/local-messenger.js';
import { createLogger } from '../../../core/logger.js';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import { createServer } from '../../../bot/server.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { DEMO_ROSTER } from '../../support/harness.js';
import { openTestDatabase } from '../../support/test-database.js';

it('moves the clock and sends what is due then', { timeout: 60_000 }, async () => {
  const database = await openTestDatabase();
  const { prisma } = database;
  await importRoster(prisma, await readRosterFile(DEMO_ROSTER));
  const logger = createLogger('silent');
  const local = createLocalTransport(prisma, mkdtempSync(join(tmpdir(), 'xmgj-files-')));
  const deliveries: LocalDelivery[] = [];
  local.messenger.deliveries.on('delivery', (delivery: LocalDelivery) => deliveries.push(delivery));
  const { clock } = local;
  const app = createApp({ prisma, policy: defaultPolicy, clock, logger, messengers: [local.messenger] });
  local.afterClockMoved = async () => {
    await app.runSchedules();
    await app.deliver();
  };
  const server = createServer(prisma, logger, [local.routes!(app.receive)]);
  const listener: Server = await new Promise((resolve) => {
    const started = server.listen(0, '127.0.0.1', () => resolve(started));
  });
  const move = (at: string) =>
    fetch(`http://127.0.0.1:${(listener.address() as AddressInfo).port}/local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at }),
    });
  try {
    expect((await move('2026-11-30 08:00')).status).toBe(200);
    const response = await move('2026-12-01 09:00');
    expect(((await response.json()) as { now: string }).now.slice(0, 16)).toBe('2026-12-01T01:00');
    expect(Math.abs(clock.now().getTime() - Date.parse('2026-12-01T01:00:00Z'))).toBeLessThan(60_000);
    expect(deliveries.filter((delivery) => delivery.recipient === 'office').map((delivery) => delivery.text.split('\n')[0])).toEqual([
      '【上月签约项目 2026-11】',
    ]);
    expect((await move('tomorrow')).status).toBe(400);
  } finally {
    await new Promise((resolve) => listener.close(resolve));
    await database.close();
  }
});
