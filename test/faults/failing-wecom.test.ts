// A WeCom that fails 30 % of calls at random (HTTP 500, a reset connection, no answer, 45009,
// 42001) and refuses one person for ever (40003): every other message is shown exactly once, and
// the refused person's message is set aside at its first answer, reported to the admins, and
// holds up no one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { createTestDatabaseLocation } from '../support/test-database.js';
import { describeOutbox, startBot, waitFor, writePolicy } from './bot-process.js';
import { deliveriesPerRow, startFakeWecom, type FakeWecom } from './fake-wecom-server.js';
import { messagesShown, notOnce } from './delivered-once.js';
import { seedMessages } from './seed-messages.js';

const MESSAGES = 200;
const POISONED = 'leader.b';

let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>;
let database: Database;
let wecom: FakeWecom;
beforeAll(async () => {
  location = await createTestDatabaseLocation();
  database = await openDatabase(location.location);
  await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
  wecom = await startFakeWecom({ failRate: 0.3, poisoned: [POISONED] });
}, 60_000);
afterAll(async () => {
  await wecom?.close();
  await database?.close();
  await location?.remove();
});

it('delivers everything once through random failures and sets the poison message aside', async () => {
  const numbers = await seedMessages(database.prisma, MESSAGES, { skip: [POISONED] });
  const poisoned = await database.prisma.account.findUniqueOrThrow({ where: { platform_account: { platform: 'wecom', account: POISONED } } });
  await database.prisma.$transaction((tx) =>
    tx.outbox.create({ data: { personId: poisoned.personId, kind: 'text', payload: { kind: 'text', text: '故障演练消息 #0' } } }),
  );
  const bot = await startBot(location.location, wecom.url, writePolicy({ officeHours: 'always' }));
  try {
    await waitFor(
      'every message',
      () => messagesShown(wecom.delivered).size === MESSAGES,
      180_000,
      () => describeOutbox(database.prisma, [bot]),
    );
    await waitFor(
      'the outbox to empty',
      async () => (await database.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0,
      60_000,
      () => describeOutbox(database.prisma, [bot]),
    );
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  expect(notOnce(messagesShown(wecom.delivered), numbers, '#')).toEqual([]);
  expect([...deliveriesPerRow(wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
  expect(wecom.delivered.filter((item) => item.to === POISONED)).toEqual([]);
  const setAside = await database.prisma.outbox.findMany({ where: { personId: poisoned.personId } });
  expect(setAside.map((row) => [row.status, row.attempts])).toEqual([['failed', 1]]);
  expect(wecom.delivered.filter((item) => item.to === 'admin' && item.text.includes('无法送达'))).toHaveLength(1);
  for (const fault of ['500', 'reset', '45009', '42001'] as const) expect(wecom.faulted.get(fault), fault).toBeGreaterThan(0);
  console.info(`30 % faults: ${JSON.stringify(Object.fromEntries(wecom.faulted))}, ${wecom.deduplicated()} resent sends dropped by the duplicate check`);
}, 300_000);
