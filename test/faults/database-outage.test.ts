// PostgreSQL stopped for 30 s under a running bot, then started again: /readyz says not ready
// within seconds, callbacks during the outage are refused at once (WeCom retries them), the bot
// recovers by itself, and every message is answered exactly once (docs/architecture.md "Faults
// and recovery").
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { openDatabase } from '../../prisma/open-database.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { startBot, waitFor, writePolicy, type BotInstance } from './bot-process.js';
import { startFakeWecom, type FakeWecom } from './fake-wecom-server.js';
import { drillReplies, postDrill } from './post-callback.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

const OUTAGE_MS = 30_000;

let postgres: ThrowawayPostgres;
let wecom: FakeWecom;
beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  const database = await openDatabase(postgres.url);
  await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
  await database.close();
  wecom = await startFakeWecom();
}, 60_000);
afterAll(async () => {
  await wecom?.close();
  postgres?.remove();
});

const ready = async (bot: BotInstance) => (await fetch(`${bot.url}/readyz`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status;
const replies = (n: number) => drillReplies(wecom.delivered, n);

it('goes not ready, refuses callbacks at once, recovers by itself and answers everything once', async () => {
  const bot = await startBot(postgres.url, wecom.url, writePolicy({ officeHours: 'always' }));
  try {
    for (let n = 1; n <= 10; n += 1) expect((await postDrill(bot, n)).status).toBe(200);
    await waitFor('the first replies', () => [...Array(10).keys()].every((index) => replies(index + 1) === 1), 60_000);

    postgres.stop();
    const stopped = Date.now();
    await waitFor('/readyz to say not ready', async () => (await ready(bot)) === 503, 5000);
    const refused: number[] = [];
    for (let n = 11; n <= 20; n += 1) {
      const answer = await postDrill(bot, n);
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(answer.ms).toBeLessThan(3000);
      refused.push(n);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stopped))));
    postgres.start();
    await waitFor('/readyz to say ready again', async () => (await ready(bot)) === 200, 30_000);

    // WeCom's retries of the refused callbacks, and new messages.
    for (const n of refused) expect((await postDrill(bot, n)).status).toBe(200);
    for (let n = 21; n <= 30; n += 1) expect((await postDrill(bot, n)).status).toBe(200);
    await waitFor('every reply', () => [...Array(30).keys()].every((index) => replies(index + 1) >= 1), 90_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  expect([...Array(30).keys()].map((index) => replies(index + 1))).toEqual(Array(30).fill(1));
}, 240_000);
