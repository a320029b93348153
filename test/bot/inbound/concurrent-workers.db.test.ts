// Several senders' events handled at once, in batches (bot/app.ts): by one instance's workers
// (inboundWorkers) and by two instances on one database. On PostgreSQL each worker's transaction
// has its own connection, so the batches truly overlap, and the per-sender claim
// (prisma/inbound-store.ts: at most one event per sender, the earliest) is what keeps each person's
// messages in order. On PGlite everything shares the one connection; the outcome must be the same.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.js';
import { createLogger } from '../../../core/logger.js';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { openDatabase, type Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { DEMO_ROSTER } from '../../support/harness.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';
import { createTestDatabaseLocation, openTestDatabase } from '../../support/test-database.js';

let database: Database | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await database?.close();
  database = undefined;
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

/** Five lines from each person, each answered with a text of its own kind. */
const LINES = ['帮助', '进度 P99991', '进度', '帮助', '进度 P99991'];
const kindOf = (text: string) => (text.startsWith('没有找到') ? 'not found' : /命令/.test(text) ? 'help' : 'list');

it('answers 200 messages from 40 people once each, every person’s in the order sent, with four workers', { timeout: 180_000 }, async () => {
  database = await openTestDatabase();
  const roster = await readRosterFile(DEMO_ROSTER);
  await importRoster(database.prisma, roster);
  const people = roster.map((row) => row.cells['企业微信账号']!).slice(0, 40);
  expect(people).toHaveLength(40);
  const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
  const messenger = new RecordingMessenger('wecom');
  const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger: createLogger('silent'), messengers: [messenger], inboundWorkers: 4 });

  for (const line of LINES)
    for (const account of people)
      expect(await app.receive({ platform: 'wecom', type: 'text', account, text: line, dedupKey: randomUUID(), at: clock.now().toISOString() })).toBe(
        'accepted',
      );
  expect(await app.processInbound()).toBe(200);
  while ((await app.deliver()) > 0);

  expect(await database.prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
  expect(await database.prisma.inbound.count({ where: { failedAt: { not: null } } })).toBe(0);
  const expected = LINES.map((line) => kindOf(line === '帮助' ? '命令' : line === '进度' ? '' : '没有找到'));
  for (const account of people)
    expect(
      messenger.to(account).map((received) => kindOf(received.text)),
      account,
    ).toEqual(expected);
});

it('answers 400 messages from 40 people once each, every person’s in the order sent, with two instances claiming batches', { timeout: 180_000 }, async () => {
  // Two connection pools on one PostgreSQL database; on PGlite the two instances share the one connection.
  const databases: Database[] = [];
  if (process.env.TEST_DATABASE_URL) {
    const made = await createTestDatabaseLocation();
    databases.push(await openDatabase(made.location), await openDatabase(made.location));
    cleanups.push(made.remove, ...databases.map((opened) => () => opened.close()));
  } else {
    databases.push(await openTestDatabase());
    cleanups.push(() => databases[0]!.close());
  }
  const { prisma } = databases[0]!;
  const roster = await readRosterFile(DEMO_ROSTER);
  await importRoster(prisma, roster);
  const people = roster.map((row) => row.cells['企业微信账号']!).slice(0, 40);
  const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
  const messenger = new RecordingMessenger('wecom');
  const instances = [0, 1].map((index) =>
    createApp({
      prisma: databases[index % databases.length]!.prisma,
      policy: defaultPolicy,
      clock,
      logger: createLogger('silent'),
      messengers: [messenger],
      inboundWorkers: 2,
      inboundBatch: 8,
    }),
  );

  const lines = [...LINES, ...LINES];
  for (const [index, line] of lines.entries())
    for (const account of people)
      expect(
        await instances[index % 2]!.receive({ platform: 'wecom', type: 'text', account, text: line, dedupKey: randomUUID(), at: clock.now().toISOString() }),
      ).toBe('accepted');
  const processed = await Promise.all(instances.map((app) => app.processInbound()));
  // One instance may drain the queue before the other starts: what matters is the sum.
  expect(processed[0]! + processed[1]!).toBe(400);
  while ((await instances[0]!.deliver()) > 0);

  expect(await prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
  expect(await prisma.inbound.count({ where: { failedAt: { not: null } } })).toBe(0);
  const expected = lines.map((line) => kindOf(line === '帮助' ? '命令' : line === '进度' ? '' : '没有找到'));
  for (const account of people)
    expect(
      messenger.to(account).map((received) => kindOf(received.text)),
      account,
    ).toEqual(expected);
});
