// Replies before notices, and WeCom's pace (30 messages a minute per member, beyond which WeCom
// drops them silently — 发送应用消息 → 频率限制): the whole bot with the WeCom messenger against a
// fake WeCom (nock), the outbox sender run pass by pass as its loop does, on a hand-moved clock.
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app.js';
import { createLogger } from '../../../core/logger.js';
import type { OutgoingMessage } from '../../../core/messages.js';
import { enqueueMessage } from '../../../core/enqueue-message.js';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import { resolvePolicy } from '../../../domain/policy.js';
import type { Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { findPerson } from '../../support/find-person.js';
import { DEMO_ROSTER } from '../../support/harness.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, config, jsonFixture, readMark } from '../wecom/wecom-fixtures.js';

const HELP = /^专窗小李，你可以使用这些命令/;
let database: Database;
let app: App;
let clock: FakeClock;
let windowId: number;
/** Every message/send the fake WeCom received: to whom, what the person saw, and when. */
const sends: { to: string; text: string; at: number }[] = [];

beforeAll(() => {
  nock.disableNetConnect();
});
beforeEach(async () => {
  database = await openTestDatabase();
  await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
  windowId = (await findPerson(database.prisma, 'window', 'wecom')).id;
  clock = new FakeClock(new Date('2026-11-24T10:00:00+08:00'));
  const policy = resolvePolicy(undefined);
  if (!policy.ok) throw new Error(policy.problems.join('; '));
  const messenger = createWecomMessenger({ api: createWecomApi(config), prisma: database.prisma, agentId: config.agentId, clock });
  app = createApp({ prisma: database.prisma, policy: policy.policy, clock, logger: createLogger('silent'), messengers: [messenger] });
  sends.length = 0;
  nock(API_BASE)
    .persist()
    .get('/cgi-bin/gettoken')
    .query(true)
    .reply(200, jsonFixture('gettoken.json'))
    .post('/cgi-bin/message/send', (body) => {
      const content: string = body.text?.content ?? body.markdown?.content ?? body.template_card?.main_title.title;
      sends.push({ to: body.touser, text: readMark(content).text, at: clock.now().getTime() });
      return true;
    })
    .query(true)
    .reply(200, jsonFixture('message-send-ok.json'));
});
afterEach(async () => {
  nock.cleanAll();
  await database.close();
});
afterAll(() => {
  nock.enableNetConnect();
});

function notify(message: OutgoingMessage) {
  return database.prisma.$transaction((tx) => enqueueMessage(tx, { to: { personId: windowId }, message }));
}

/** 专窗小李 sends 帮助 from WeCom; the bot handles it (its reply is queued, not yet sent). */
async function askForHelp(): Promise<void> {
  await app.receive({ platform: 'wecom', type: 'text', account: 'window', text: '帮助', dedupKey: randomUUID(), at: clock.now().toISOString() });
  expect(await app.processInbound()).toBe(1);
}

/** The largest number of messages `to` got within any 60 seconds. */
function busiestMinute(to: string): number {
  const times = sends.filter((send) => send.to === to).map((send) => send.at);
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + 60_000).length));
}

it('delivers the reply to a person’s own command in the very next pass, before 40 notices queued ahead of it', async () => {
  // 40 task-list notices (markdown: each one is a message of its own) wait for 专窗小李.
  for (let i = 1; i <= 40; i += 1) await notify({ kind: 'markdown', title: `通知${i}`, text: `第 ${i} 项` });
  await askForHelp();

  await app.deliver();
  expect(sends[0]).toMatchObject({ to: 'window', text: expect.stringMatching(HELP) });
  // The reply took one of the minute's 30; 29 notices went with it, in the order they were queued.
  expect(sends).toHaveLength(30);
  expect(sends.slice(1).map((send) => send.text.split('\n')[0])).toEqual(Array.from({ length: 29 }, (_, index) => `**通知${index + 1}**`));

  // The other 11 are not dropped: they go when the minute has room again.
  clock.advanceMinutes(1);
  await app.deliver();
  expect(sends).toHaveLength(41);
  expect(sends.slice(30).map((send) => send.text.split('\n')[0])).toEqual(Array.from({ length: 11 }, (_, index) => `**通知${index + 30}**`));
  expect(busiestMinute('window')).toBe(30);
  expect(await database.prisma.outbox.count({ where: { status: { not: 'sent' } } })).toBe(0);
});

it('holds a person’s surplus notices past 30 a minute and sends them bundled, not dropped; a reply stays a message of its own', async () => {
  // Notices come one by one (each change kicks the sender): 40 within one minute.
  for (let i = 1; i <= 40; i += 1) {
    await notify({ kind: 'text', text: `T${i} 已报到` });
    await app.deliver();
    clock.set(new Date(clock.now().getTime() + 1000));
  }
  expect(sends).toHaveLength(30);
  expect(sends.map((send) => send.text)).toEqual(Array.from({ length: 30 }, (_, index) => `T${index + 1} 已报到`));

  // Still within the minute: the person asks for 帮助; WeCom would drop a 31st message, so it waits too.
  await askForHelp();
  expect(await app.deliver()).toBe(0);

  // A minute after each was held back, the person's minute has room again.
  clock.advanceMinutes(1);
  await app.deliver();
  const later = sends.slice(30);
  // The reply first and alone; the 10 waiting notices as one message.
  expect(later.map((send) => send.to)).toEqual(['window', 'window']);
  expect(later[0]!.text).toMatch(HELP);
  expect(later[0]!.text).not.toContain('已报到');
  expect(later[1]!.text).toBe(Array.from({ length: 10 }, (_, index) => `T${index + 31} 已报到`).join('\n\n'));
  expect(busiestMinute('window')).toBe(30);

  // The reply is addressed to the account the command came from; the notices to the person.
  const rows = await database.prisma.outbox.findMany({ where: { account: 'window' }, orderBy: { id: 'asc' } });
  expect(rows.filter((row) => row.status === 'failed')).toEqual([]);
  expect(rows.filter((row) => row.status === 'bundled')).toHaveLength(10);
  expect(rows.filter((row) => !row.reply && row.status !== 'bundled').map((row) => row.status)).toEqual(Array.from({ length: 31 }, () => 'sent'));
  expect(rows.filter((row) => row.reply).map((row) => row.status)).toEqual(['sent']);
});
