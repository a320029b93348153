// The bot as `npm start` runs it without a platform: the HTTP server with the local chat
// routes, the LocalMessenger, the demo roster. Lines go in through POST /local/say exactly as
// `npm run chat` sends them; what the bot delivers is collected per recipient.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type App } from '../../bot/app.js';
import type { MovableClock } from '../../bot/local/shiftable-clock.js';
import { createLocalTransport } from '../../bot/local/create-local-transport.js';
import type { LocalDelivery } from '../../bot/local/local-messenger.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { createServer } from '../../bot/server.js';
import { defaultPolicy, type Policy } from '../../domain/policy.js';
import type { Database } from '../../prisma/open-database.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { openTestDatabase } from '../support/test-database.js';

export interface TimedDelivery extends LocalDelivery {
  at: number;
}

export interface LocalChat {
  app: App;
  database: Database;
  policy: Policy;
  deliveries: TimedDelivery[];
  /** POSTs a line to /local/say as `userid`. */
  post(userid: string, text: string): Promise<void>;
  close(): Promise<void>;
}

export async function startLocalChat(clock: MovableClock, policy: Policy = defaultPolicy): Promise<LocalChat> {
  const database = await openTestDatabase();
  await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
  const logger = createLogger('silent');
  const local = createLocalTransport(database.prisma, mkdtempSync(join(tmpdir(), 'xmgj-files-')), clock);
  const deliveries: TimedDelivery[] = [];
  local.messenger.deliveries.on('delivery', (delivery: LocalDelivery) => deliveries.push({ ...delivery, at: Date.now() }));
  const app = createApp({ prisma: database.prisma, policy, clock, logger, messengers: [local.messenger] });
  const server = createServer(database.prisma, logger, [local.routes!(app.receive)]);
  const listener: Server = await new Promise((resolve) => {
    const started = server.listen(0, '127.0.0.1', () => resolve(started));
  });
  const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

  return {
    app,
    database,
    policy,
    deliveries,
    async post(userid, text) {
      const response = await fetch(`${base}/local/say`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: userid, text }),
      });
      if (response.status !== 202) throw new Error(`/local/say answered ${response.status}: ${await response.text()}`);
    },
    async close() {
      await app.stop();
      await new Promise((resolve) => listener.close(resolve));
      await database.close();
    },
  };
}
