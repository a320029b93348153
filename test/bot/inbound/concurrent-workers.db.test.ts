// One instance handling several senders' events at once (inboundWorkers, bot/app.ts): on
// PostgreSQL each worker's transaction has its own connection, so the workers truly overlap, and
// the per-sender claim (claim-next-inbound.ts) is what keeps each person's messages in order.
// On PGlite the workers share the one connection; the outcome must be the same.
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.js';
import { createLogger } from '../../../bot/logger.js';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import { defaultPolicy } from '../../../domain/policy.js';
import type { Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { DEMO_ROSTER } from '../../support/harness.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';
import { openTestDatabase } from '../../support/test-database.js';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
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
