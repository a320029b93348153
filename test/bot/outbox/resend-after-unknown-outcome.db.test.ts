// A send whose outcome is unknown (a reset after the request was written, a lease that ran out
// mid-send) where the platform drops no duplicate — WeCom group chats (appchat/send), DingTalk — is
// resent after its lease and marked （重发）, and never a third time; a send that surely failed (an
// HTTP status, a refused connection) is retried as it was, unmarked; WeCom 1:1 (message/send with
// its duplicate check) resends byte for byte. docs/architecture.md "Faults and recovery".
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { createDingtalkMessenger } from '../../../bot/dingtalk/create-dingtalk-messenger.js';
import { createLogger } from '../../../core/logger.js';
import type { OutgoingMessage, Platform } from '../../../core/messages.js';
import { enqueueMessage, type Recipient } from '../../../core/enqueue-message.js';
import { sendPending } from '../../../bot/outbox/send-pending.js';
import type { Messenger } from '../../../bot/transport/messenger.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE as DINGTALK_API, config as dingtalkConfig, jsonFixture as dingtalkFixture } from '../dingtalk/dingtalk-fixtures.js';
import { API_BASE, config, jsonFixture, readMark } from '../wecom/wecom-fixtures.js';
import { socketError } from '../../support/socket-error.js';

const T0 = new Date('2026-11-24T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const logger = createLogger('silent');
let db: Database;
let people: Map<string, number>;
let messengers: Map<Platform, Messenger>;
/** What each chat or person was shown, in order: `to: text` with the invisible row mark removed. */
let shown: string[];

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Outbox", "Person", "Account", "CardHandle", "GroupChat" RESTART IDENTITY CASCADE');
  people = await createPeople(db.prisma, [
    { account: 'admin', name: '管理员小王', roles: ['admin'], platform: 'wecom' },
    { account: 'window', name: '专窗小李', roles: ['window'], platform: 'wecom' },
    { account: 'zrzy.agent', name: '自然资源局小周', roles: ['agent'], platform: 'wecom' },
    { account: 'zhou.zrzy', name: '周某', roles: ['agent'], platform: 'dingtalk' },
  ]);
  // A project chat WeCom already has, with its members in line: only appchat/send is called.
  await db.prisma.groupChat.create({
    data: {
      id: 'project7',
      projectId: 7,
      name: '年产5万吨饲料加工项目',
      ownerId: people.get('window')!,
      memberIds: [people.get('window')!, people.get('zrzy.agent')!],
      platform: 'wecom',
      openedAt: T0,
      syncedMembers: ['window', 'zrzy.agent'],
    },
  });
  const clock = { now: () => T0 };
  messengers = new Map<Platform, Messenger>([
    ['wecom', createWecomMessenger({ api: createWecomApi(config), prisma: db.prisma, agentId: config.agentId, clock })],
    [
      'dingtalk',
      createDingtalkMessenger({
        api: createDingtalkApi(dingtalkConfig),
        prisma: db.prisma,
        clock,
        logger,
        robotCode: dingtalkConfig.robotCode,
        cardTemplateId: undefined,
      }),
    ],
  ]);
  shown = [];
  nock(API_BASE).get('/cgi-bin/gettoken').query(true).optionally().reply(200, jsonFixture('gettoken.json'));
  nock(DINGTALK_API).post('/v1.0/oauth2/accessToken').optionally().reply(200, dingtalkFixture('access-token.json'));
});
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});
afterAll(async () => {
  nock.enableNetConnect();
  await db.close();
});

const pass = (seconds: number) => sendPending(db.prisma, messengers, { now: at(seconds), logger });

function enqueue(to: Recipient, message: OutgoingMessage) {
  return db.prisma.$transaction((tx) => enqueueMessage(tx, { to, message }));
}

type Answer = (interceptor: nock.Interceptor) => nock.Scope;
const ok: Answer = (interceptor) => interceptor.reply(200, { errcode: 0, errmsg: 'ok' });
const resetAfterTaken: Answer = (interceptor) => interceptor.replyWithError(socketError('ECONNRESET', 'socket hang up'));

/** One appchat/send (or message/send) answered by `answer`; what it carried is recorded as shown when it was taken. */
function wecomSend(api: 'appchat/send' | 'message/send', answer: Answer, taken = true) {
  return answer(
    nock(API_BASE)
      .post(`/cgi-bin/${api}`, (body: { chatid?: string; touser?: string; text?: { content: string }; markdown?: { content: string } }) => {
        if (taken) shown.push(`${body.chatid ?? body.touser}: ${readMark((body.text ?? body.markdown)!.content).text}`);
        return true;
      })
      .query(true),
  );
}

const row = () => db.prisma.outbox.findFirstOrThrow({ where: { chatId: 'project7' } });

describe('WeCom project group chats (no duplicate check)', () => {
  it('resends a reset after WeCom took it only after its lease, marked （重发）, and shows it twice at most', async () => {
    await enqueue({ chatId: 'project7' }, { kind: 'text', text: '请各单位报到' });
    wecomSend('appchat/send', resetAfterTaken);
    expect(await pass(0)).toBe(0);
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, unknownOutcomes: 1 });
    expect((await row()).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at(30).getTime());
    expect(await pass(20)).toBe(0); // within the lease: WeCom is not called
    wecomSend('appchat/send', ok);
    expect(await pass(31)).toBe(1);
    expect(shown).toEqual(['project7: 请各单位报到', 'project7: （重发）\n请各单位报到']);
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2, unknownOutcomes: 1 });
  });

  it('marks a markdown resend on its title line', async () => {
    await enqueue({ chatId: 'project7' }, { kind: 'markdown', title: '周报', text: '**3** 个任务' });
    wecomSend('appchat/send', resetAfterTaken);
    await pass(0);
    wecomSend('appchat/send', ok);
    expect(await pass(31)).toBe(1);
    expect(shown).toEqual(['project7: **周报**\n**3** 个任务', 'project7: **（重发）周报**\n**3** 个任务']);
  });

  it('retries an HTTP 500 and a refused connection as before: after the backoff, unmarked', async () => {
    await enqueue({ chatId: 'project7' }, { kind: 'text', text: '请各单位报到' });
    wecomSend('appchat/send', (interceptor) => interceptor.reply(500, { errcode: -1, errmsg: 'system error' }), false);
    expect(await pass(0)).toBe(0);
    wecomSend('appchat/send', (interceptor) => interceptor.replyWithError(socketError('ECONNREFUSED', 'connect ECONNREFUSED')), false);
    expect(await pass(5)).toBe(0);
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2, unknownOutcomes: 0 });
    expect((await row()).nextAttemptAt.getTime()).toBeLessThan(at(15).getTime());
    wecomSend('appchat/send', ok);
    expect(await pass(15)).toBe(1);
    expect(shown).toEqual(['project7: 请各单位报到']);
  });

  it('after a second unknown outcome sends no third time: the row is set aside and the admins asked to check', async () => {
    await enqueue({ chatId: 'project7' }, { kind: 'text', text: '请各单位报到' });
    wecomSend('appchat/send', resetAfterTaken);
    await pass(0);
    wecomSend('appchat/send', resetAfterTaken);
    expect(await pass(31)).toBe(0);
    expect(await row()).toMatchObject({ status: 'pending', unknownOutcomes: 2 });
    wecomSend('message/send', (interceptor) => interceptor.reply(200, jsonFixture('message-send-ok.json')));
    expect(await pass(62)).toBe(0); // the row is set aside without a call; the admins' notice is queued
    expect(await pass(63)).toBe(1);
    expect(shown).toEqual([
      'project7: 请各单位报到',
      'project7: （重发）\n请各单位报到',
      expect.stringMatching(/^admin: 发给项目群 project7的消息无法送达，已停止重试：outcome unknown twice：.*请向收件人确认是否收到。$/),
    ]);
    expect(await row()).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^outcome unknown twice/) });
  });
});

describe('WeCom one to one (message/send drops duplicates)', () => {
  it('resends a reset byte for byte after the backoff, unmarked, so WeCom drops it', async () => {
    await enqueue({ personId: people.get('window')! }, { kind: 'text', text: '项目已受理' });
    const bodies: unknown[] = [];
    const capture = (answer: Answer) =>
      answer(
        nock(API_BASE)
          .post('/cgi-bin/message/send', (body) => Boolean(bodies.push(body)))
          .query(true),
      );
    capture(resetAfterTaken);
    expect(await pass(0)).toBe(0);
    const waiting = await db.prisma.outbox.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'pending', unknownOutcomes: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBeLessThan(at(30).getTime());
    capture((interceptor) => interceptor.reply(200, jsonFixture('message-send-ok.json')));
    expect(await pass(5)).toBe(1);
    expect(bodies[1]).toEqual(bodies[0]);
  });
});

describe('DingTalk (no duplicate check at all)', () => {
  const batchSend = (answer: Answer) =>
    answer(
      nock(DINGTALK_API).post('/v1.0/robot/oToMessages/batchSend', (body: { userIds: string[]; msgParam: string }) => {
        shown.push(`${body.userIds[0]}: ${(JSON.parse(body.msgParam) as { content?: string; text?: string }).content ?? JSON.parse(body.msgParam).text}`);
        return true;
      }),
    );
  const dingtalkOk: Answer = (interceptor) => interceptor.reply(200, dingtalkFixture('batch-send-ok.json'));

  it('marks a reply resent after its sender died mid-send (the row still claimed when its lease ended)', async () => {
    await enqueue({ personId: people.get('zhou.zrzy')! }, { kind: 'text', text: 'P1 光伏组件项目：审批中' });
    batchSend(dingtalkOk);
    expect(await pass(0)).toBe(1);
    // It reached DingTalk and the sender died before writing it down: still claimed, lease until T0 + 30 s.
    await db.prisma.outbox.updateMany({ data: { status: 'sending', sentAt: null, nextAttemptAt: at(30) } });
    expect(await pass(10)).toBe(0);
    batchSend(dingtalkOk);
    expect(await pass(31)).toBe(1);
    expect(shown).toEqual(['zhou.zrzy: P1 光伏组件项目：审批中', 'zhou.zrzy: （重发）\nP1 光伏组件项目：审批中']);
    expect(await db.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2, unknownOutcomes: 1 });
  });

  it('marks a markdown resend after a reset in its first line', async () => {
    await enqueue({ personId: people.get('zhou.zrzy')! }, { kind: 'markdown', title: '周报', text: '**3** 个任务' });
    batchSend(resetAfterTaken);
    expect(await pass(0)).toBe(0);
    batchSend(dingtalkOk);
    expect(await pass(31)).toBe(1);
    expect(shown).toEqual(['zhou.zrzy: **3** 个任务', 'zhou.zrzy: （重发）\n\n**3** 个任务']);
  });
});
