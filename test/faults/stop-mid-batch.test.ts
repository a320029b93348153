// SIGTERM while a send batch is going out to a slow WeCom: the process is gone within 5 s, and
// after a restart every message has been shown exactly once (what was claimed and not sent goes
// again when its lease ends; a send that was in flight is dropped by WeCom's duplicate check).
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

const MESSAGES = 300;

let location: Awaited<ReturnType<typeof createTestDatabaseLocation>>;
let database: Database;
let wecom: FakeWecom;
beforeAll(async () => {
  location = await createTestDatabaseLocation();
  database = await openDatabase(location.location);
  await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
  wecom = await startFakeWecom({ delayMs: 400 });
}, 60_000);
afterAll(async () => {
  await wecom?.close();
  await database?.close();
  await location?.remove();
});

it('stops within 5 s mid-batch and loses nothing', async () => {
  const numbers = await seedMessages(database.prisma, MESSAGES);
  const policyFile = writePolicy({ officeHours: 'always' });
  const first = await startBot(location.location, wecom.url, policyFile);
  await waitFor('a send batch under way', () => wecom.delivered.length >= 10, 60_000);
  const signalled = Date.now();
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(5000);
  expect(messagesShown(wecom.delivered).size).toBeLessThan(MESSAGES);

  const second = await startBot(location.location, wecom.url, policyFile);
  try {
    await waitFor(
      'every message',
      () => messagesShown(wecom.delivered).size === MESSAGES,
      120_000,
      () => describeOutbox(database.prisma, [first, second]),
    );
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
  expect([...deliveriesPerRow(wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
}, 240_000);
