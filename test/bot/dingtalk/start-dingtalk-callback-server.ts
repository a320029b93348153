// The DingTalk HTTP-mode callback as `npm start` serves it — createServer with its error boundary,
// the callback router, and the bot's real `receive` and sign ledger on a test database — on
// 127.0.0.1 and a free port, with every log line captured. `database` lets a second server share
// the first one's database, as a second instance does.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../../bot/app.js';
import { claimCallbackSign } from '../../../bot/dingtalk/claim-callback-sign.js';
import { CALLBACK_PATH, createDingtalkRouter } from '../../../bot/dingtalk/create-dingtalk-router.js';
import { signCallback } from '../../support/sign-dingtalk-callback.js';
import { createLogger } from '../../../core/logger.js';
import { createServer } from '../../../bot/server.js';
import { defaultPolicy } from '../../../domain/policy.js';
import type { Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';
import { openTestDatabase } from '../../support/test-database.js';
import { config } from './dingtalk-fixtures.js';

export interface DingtalkCallbackServer {
  database: Database;
  app: App;
  base: string;
  port: number;
  /** At the fixtures' createAt, 2026-11-24T02:03:01Z. */
  clock: FakeClock;
  logs: { level: number; msg: string; [field: string]: unknown }[];
  /** POSTs a body to /dingtalk/callback, signed now (or with the given headers). */
  post(body: string, headers?: { timestamp: string; sign: string }): Promise<number>;
  close(): Promise<void>;
}

export async function startDingtalkCallbackServer(shared?: Database): Promise<DingtalkCallbackServer> {
  const database = shared ?? (await openTestDatabase());
  const logs: DingtalkCallbackServer['logs'] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (logs.push(JSON.parse(String(chunk))), done()) });
  const logger = createLogger('debug', sink);
  const clock = new FakeClock(new Date(1795485781000));
  const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger, messengers: [new RecordingMessenger('dingtalk')] });
  const router = createDingtalkRouter({
    appSecret: config.clientSecret,
    receive: app.receive,
    claimSign: (pair) => claimCallbackSign(database.prisma, pair),
    clock,
    logger,
  });
  const server: Server = createServer(database.prisma, logger, [router]).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    database,
    app,
    base,
    port,
    clock,
    logs,
    async post(body, headers) {
      const timestamp = headers?.timestamp ?? String(clock.now().getTime());
      const sign = headers?.sign ?? signCallback(config.clientSecret, timestamp);
      const response = await fetch(`${base}${CALLBACK_PATH}`, { method: 'POST', body, headers: { 'content-type': 'application/json', timestamp, sign } });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (!shared) await database.close();
    },
  };
}
