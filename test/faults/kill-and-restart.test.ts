// kill -9 in the middle of the work, then a restart: cards falling due within the minute and
// 1,000 queued messages. Every escalation fires once and every message is shown once (a send in
// flight at the kill is resent after its lease and dropped by WeCom's duplicate check, as in
// production: docs/architecture.md "Messages and cards").
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { createTestDatabaseLocation } from '../support/test-database.js';
import { describeOutbox, startBot, waitFor, writePolicy } from './bot-process.js';
import { deliveriesPerRow, startFakeWecom, type FakeWecom } from './fake-wecom-server.js';
import { escalationsShown, messagesShown, notOnce } from './delivered-once.js';
import { seedDueCards } from './seed-due-cards.js';
import { seedMessages } from './seed-messages.js';

const CARDS = 200;
const MESSAGES = 1000;
const policyOverride = { officeHours: 'always', ackTimeoutMinutes: 1 };

let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>;
let database: Database;
let wecom: FakeWecom;
beforeAll(async () => {
  location = await createTestDatabaseLocation();
  database = await openDatabase(location.location);
  await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
  wecom = await startFakeWecom();
}, 60_000);
afterAll(async () => {
  await wecom?.close();
  await database?.close();
  await location?.remove();
});

it('loses nothing and sends nothing twice across a kill -9', async () => {
  const { taskIds } = await seedDueCards(database.prisma, CARDS, 60_000);
  const numbers = await seedMessages(database.prisma, MESSAGES);
  const policyFile = writePolicy(policyOverride);

  const first = await startBot(location.location, wecom.url, policyFile);
  await waitFor(
    'some messages delivered',
    () => messagesShown(wecom.delivered).size >= 200,
    60_000,
    () => describeOutbox(database.prisma, [first]),
  );
  first.child.kill('SIGKILL');
  await first.exited;
  const beforeRestart = messagesShown(wecom.delivered).size;
  expect(beforeRestart).toBeLessThan(MESSAGES);

  const second = await startBot(location.location, wecom.url, policyFile);
  try {
    await waitFor(
      'every message and every escalation',
      () => messagesShown(wecom.delivered).size === MESSAGES && escalationsShown(wecom.delivered).size === taskIds.length,
      150_000,
      async () =>
        `${messagesShown(wecom.delivered).size}/${MESSAGES} messages, ${escalationsShown(wecom.delivered).size}/${taskIds.length} escalations; ${await describeOutbox(database.prisma, [first, second])}`,
    );
    // Anything still in flight or leased at the kill has had its chance to come twice.
    await waitFor(
      'the outbox to empty',
      async () => (await database.prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0,
      60_000,
      () => describeOutbox(database.prisma, [first, second]),
    );
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
  expect(notOnce(messagesShown(wecom.delivered), numbers, '#')).toEqual([]);
  expect(notOnce(escalationsShown(wecom.delivered), taskIds, 'T')).toEqual([]);
  expect([...deliveriesPerRow(wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
  console.info(
    `kill -9: ${taskIds.length} cards, ${MESSAGES} messages; ${beforeRestart} shown before the kill; ${wecom.deduplicated()} resent sends dropped by the duplicate check`,
  );
}, 300_000);
