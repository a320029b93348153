// Callbacks that arrive together are recorded in one multi-row INSERT (bot/inbound/record-inbound.ts),
// and each is answered only once its row is committed: a callback told `accepted` has its event
// stored, and when the statement fails every callback in it is told so and none of their events is
// stored (the platform sends them again).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { recordInbound } from '../../../bot/inbound/record-inbound.js';
import type { IncomingEvent } from '../../../core/messages.js';
import type { Database } from '../../../prisma/open-database.js';
import { registerDriver } from '../../../prisma/query-driver.js';
import { openTestDatabase } from '../../support/test-database.js';

let database: Database;
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await database.close();
});

const textFrom = (account: string, text: string, dedupKey = randomUUID()): IncomingEvent => ({
  platform: 'local',
  type: 'text',
  account,
  text,
  dedupKey,
  at: '2026-11-23T02:00:00.000Z',
});

const stored = async (dedupKey: string) => database.prisma.inbound.count({ where: { dedupKey } });

it('records 50 callbacks that arrive together in a few statements, each answered after its row is stored, a retry refused', async () => {
  const record = recordInbound(database.prisma);
  // Counts the statements: the same driver, seen from here.
  let statements = 0;
  const direct = (sql: string, params: readonly unknown[]) => database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
  registerDriver(database.prisma, {
    query: async (sql, params) => {
      statements += 1;
      return direct(sql, params);
    },
    inTransaction: () => null,
  });
  const events = Array.from({ length: 50 }, (_, index) => textFrom(`person${index % 10}`, `帮助 ${index}`));
  const answers = await Promise.all(
    events.map(async (event) => {
      const recorded = await record(event);
      // Stored by the time the callback is answered.
      return { recorded, stored: await stored(event.dedupKey) };
    }),
  );
  expect(answers).toEqual(events.map(() => ({ recorded: true, stored: 1 })));
  expect(statements).toBeLessThanOrEqual(2);

  // A platform's retry, alone or twice in one round, is recorded once.
  const retry = events[0]!;
  const twin = textFrom('person0', 'new', randomUUID());
  expect(await Promise.all([record(retry), record(twin), record({ ...twin })])).toEqual([false, true, false]);
  expect(await database.prisma.inbound.count()).toBe(51);
});

it('answers every callback of a failed statement with its error and stores none of them', async () => {
  const record = recordInbound(database.prisma);
  // The database refuses any round that holds this text (a trigger, so the statement itself fails).
  await database.prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.event->>'text' = 'boom' THEN RAISE EXCEPTION 'refused'; END IF;
      RETURN NEW;
    END $$`);
  await database.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_boom BEFORE INSERT ON "Inbound" FOR EACH ROW EXECUTE FUNCTION refuse_boom()`);
  const events = [textFrom('a', '帮助'), textFrom('b', 'boom'), textFrom('c', '进度')];
  const answers = await Promise.allSettled(events.map((event) => record(event)));
  expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(await database.prisma.inbound.count()).toBe(0);

  // The next round is its own statement.
  const later = textFrom('a', '帮助');
  expect(await record(later)).toBe(true);
  expect(await stored(later.dedupKey)).toBe(1);
});
