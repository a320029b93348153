// The WeCom callback endpoint as `npm start` serves it — createServer with its error boundary,
// the callback router, and the bot's real `receive` writing Inbound rows to a test database — on
// 127.0.0.1 and a free port, with every log line captured for assertions.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { saveCardHandle } from '../../../bot/transport/card-handles.js';
import { createApp } from '../../../bot/app.js';
import { createLogger } from '../../../core/logger.js';
import { createServer } from '../../../bot/server.js';
import { CALLBACK_PATH, createWecomRouter } from '../../../bot/wecom/create-wecom-router.js';
import { defaultPolicy } from '../../../domain/policy.js';
import type { Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';
import { openTestDatabase } from '../../support/test-database.js';
import { config } from './wecom-fixtures.js';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface CallbackServer {
  database: Database;
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  callbackUrl: string;
  /** Set to the fixtures' signing time, 2026-11-24T02:00Z. */
  clock: FakeClock;
  logs: LogLine[];
  close(): Promise<void>;
}

export async function startCallbackServer(): Promise<CallbackServer> {
  const database = await openTestDatabase();
  const logs: LogLine[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (logs.push(JSON.parse(String(chunk)) as LogLine), done()) });
  const logger = createLogger('debug', sink);
  const clock = new FakeClock(new Date('2026-11-24T02:00:00Z'));
  const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger, messengers: [new RecordingMessenger('wecom')] });
  const router = createWecomRouter({
    config,
    receive: app.receive,
    saveCardHandle: (handle) => saveCardHandle(database.prisma, { platform: 'wecom', ...handle }),
    logger,
    clock,
  });
  const server: Server = createServer(database.prisma, logger, [router]).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    database,
    base,
    port,
    callbackUrl: `${base}${CALLBACK_PATH}`,
    clock,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}
