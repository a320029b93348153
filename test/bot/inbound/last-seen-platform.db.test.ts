// A person's messages go to the platform they last wrote from (bot/outbox/choose-account.ts). The
// inbound loop writes Account.lastSeenAt only when that choice would change or the time is over
// ten minutes old (bot/inbound/find-senders.ts): the choice must still follow every switch.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app.js';
import { createLogger } from '../../../core/logger.js';
import type { Platform } from '../../../core/messages.js';
import { enqueueMessage } from '../../../core/enqueue-message.js';
import { defaultPolicy } from '../../../domain/policy.js';
import type { Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { RecordingMessenger } from '../../support/recording-messenger.js';
import { openTestDatabase } from '../../support/test-database.js';

let database: Database;
let app: App;
let clock: FakeClock;
let personId: number;
const wecom = new RecordingMessenger('wecom');
const dingtalk = new RecordingMessenger('dingtalk');

beforeEach(async () => {
  database = await openTestDatabase();
  clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
  wecom.clear();
  dingtalk.clear();
  app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger: createLogger('silent'), messengers: [wecom, dingtalk] });
  const person = await database.prisma.person.create({
    data: {
      name: '专窗小李',
      roles: ['window'],
      accounts: {
        create: [
          { platform: 'wecom', account: 'li-wecom' },
          { platform: 'dingtalk', account: 'li-dingtalk' },
        ],
      },
    },
  });
  personId = person.id;
});
afterEach(async () => {
  await database.close();
});

/** 帮助 from one of the person's accounts, then a notice to the person: returns the platform the notice reached. */
async function writeFromThenNotify(platform: Platform): Promise<Platform> {
  const account = platform === 'wecom' ? 'li-wecom' : 'li-dingtalk';
  expect(await app.receive({ platform, type: 'text', account, text: '帮助', dedupKey: randomUUID(), at: clock.now().toISOString() })).toBe('accepted');
  await app.processInbound();
  await database.prisma.$transaction((tx) => enqueueMessage(tx, { to: { personId }, message: { kind: 'text', text: '通知' } }));
  await app.deliver();
  const reached = [wecom, dingtalk].filter((messenger) => messenger.received.some((item) => item.text === '通知'));
  expect(reached).toHaveLength(1);
  wecom.clear();
  dingtalk.clear();
  return reached[0]!.platform;
}

const lastSeen = async (platform: Platform) =>
  (await database.prisma.account.findUniqueOrThrow({ where: { platform_account: { platform, account: platform === 'wecom' ? 'li-wecom' : 'li-dingtalk' } } }))
    .lastSeenAt;

it('sends to the platform last written from after each switch, however quick', async () => {
  expect(await writeFromThenNotify('dingtalk')).toBe('dingtalk');
  clock.advanceMinutes(1);
  expect(await writeFromThenNotify('wecom')).toBe('wecom');
  clock.advanceMinutes(1);
  expect(await writeFromThenNotify('dingtalk')).toBe('dingtalk');
  expect(await writeFromThenNotify('wecom')).toBe('wecom');
});

it('does not rewrite the time of the platform already last written from until it is ten minutes old', async () => {
  await writeFromThenNotify('wecom');
  const first = await lastSeen('wecom');
  expect(first).toEqual(clock.now());
  clock.advanceMinutes(9);
  expect(await writeFromThenNotify('wecom')).toBe('wecom');
  expect(await lastSeen('wecom')).toEqual(first);
  clock.advanceMinutes(2);
  expect(await writeFromThenNotify('wecom')).toBe('wecom');
  expect(await lastSeen('wecom')).toEqual(clock.now());
  expect(await lastSeen('dingtalk')).toBeNull();
});
