// The bot in the bench's own process, as bot/main.ts assembles it with WeCom configured: the demo
// roster, the WeCom messenger pointed at the fake WeCom, the app with its loops (when started).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createApp, type App } from '../bot/app.js';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import { importRoster } from '../bot/roster/import-roster.js';
import { readRosterFile } from '../bot/roster/read-roster-file.js';
import { createWecomTransport } from '../bot/wecom/create-wecom-transport.js';
import type { Policy } from '../domain/policy.js';
import { openDatabase, type Database } from '../prisma/open-database.js';
import { config as wecom } from '../test/bot/wecom/wecom-fixtures.js';
import { startFakeWecom, type FakeWecom } from './fake-wecom.js';

export interface InProcessBot {
  database: Database;
  app: App;
  fake: FakeWecom;
  close(): Promise<void>;
}

export async function openInProcessBot(location: string, policy: Policy): Promise<InProcessBot> {
  if (!location.includes('://')) mkdirSync(dirname(location), { recursive: true });
  const database = await openDatabase(location);
  const { prisma } = database;
  await importRoster(prisma, await readRosterFile(new URL('../bot/roster/demo-roster.csv', import.meta.url).pathname));
  const fake = await startFakeWecom();
  const logger = createLogger('warn');
  const transport = createWecomTransport({ ...wecom, apiBase: fake.apiBase }, { prisma, clock: systemClock, logger });
  const app = createApp({ prisma, policy, clock: systemClock, logger, messengers: [transport.messenger] });
  return {
    database,
    app,
    fake,
    async close() {
      await app.stop();
      await fake.close();
      await database.close();
    },
  };
}
