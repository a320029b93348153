// The outbox sender with the WeCom messenger against a fake WeCom (nock), moving the clock by
// hand: retries with backoff, permanent failures reported once, pacing, bundling, and leases.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { createLogger } from '../../../bot/logger.js';
import { enqueueMessage } from '../../../bot/outbox/enqueue-message.js';
import { sendPending } from '../../../bot/outbox/send-pending.js';
import type { OutgoingMessage } from '../../../bot/outgoing-message.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import { API_BASE, config, jsonFixture } from '../wecom/wecom-fixtures.js';

const errors = jsonFixture<Record<string, object>>('errors.json');
const T0 = new Date('2026-11-24T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const logger = createLogger('silent');
let db: Database;
let wecom: nock.Scope;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Outbox", "Person" RESTART IDENTITY CASCADE');
  await db.prisma.person.createMany({
    data: [
      { userid: 'admin', name: '管理员小王', roles: ['admin'] },
      { userid: 'window', name: '专窗小李', roles: ['window'] },
    ],
  });
  wecom = nock(API_BASE).get('/cgi-bin/gettoken').query(true).reply(200, jsonFixture('gettoken.json'));
});
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});
afterAll(async () => {
  nock.enableNetConnect();
  await db.close();
});

let clock: Date;
let messenger: ReturnType<typeof createWecomMessenger>;
beforeEach(() => {
  messenger = createWecomMessenger({ api: createWecomApi(config), prisma: db.prisma, agentId: config.agentId, clock: { now: () => clock } });
});

function pass(now: Date) {
  clock = now;
  return sendPending(db.prisma, messenger, { now, logger });
}

function enqueue(recipient: string, message: OutgoingMessage) {
  return db.prisma.$transaction((tx) => enqueueMessage(tx, { recipient, message }));
}

const sentTexts: string[] = [];
const sendOk = (times = 1) =>
  wecom
    .post('/cgi-bin/message/send', (body) => Boolean(sentTexts.push(`${body.touser}: ${body.text?.content ?? body.msgtype}`)))
    .query(true)
    .times(times)
    .reply(200, jsonFixture('message-send-ok.json'));
beforeEach(() => {
  sentTexts.length = 0;
});

describe('sendPending', () => {
  it('retries a 45009 rate limit after the backoff, and sends once', async () => {
    await enqueue('window', { kind: 'text', text: '请于30分钟内报到' });
    wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['45009']);
    expect(await pass(at(0))).toBe(0);
    const waiting = await db.prisma.outbox.findFirstOrThrow();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'message/send: errcode 45009 api freq out of limit' });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at(60).getTime());

    expect(await pass(at(30))).toBe(0); // not yet due: no call reaches WeCom
    sendOk();
    expect(await pass(at(61))).toBe(1);
    expect(await db.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sentAt: at(61) });
    expect(await pass(at(3600))).toBe(0); // sent is final
    expect(sentTexts).toEqual(['window: 请于30分钟内报到']);
  });

  it('does not retry a 40003, marks it failed and tells the admins once', async () => {
    await enqueue('ghost', { kind: 'text', text: '请于30分钟内报到' });
    wecom.post('/cgi-bin/message/send', (body) => body.touser === 'ghost').query(true).reply(200, errors['40003']);
    expect(await pass(at(0))).toBe(0);
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { recipient: 'ghost' } })).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'message/send: errcode 40003 invalid userid',
    });

    // A second message to the same person fails too, but the admins hear of it once.
    await enqueue('ghost', { kind: 'text', text: '第二条' });
    wecom.post('/cgi-bin/message/send', (body) => body.touser === 'ghost').query(true).reply(200, errors['40003']);
    sendOk();
    expect(await pass(at(2))).toBe(1);
    expect(await pass(at(3600))).toBe(0);
    expect(sentTexts).toEqual([expect.stringMatching(/^admin: 发给ghost的消息无法送达，已停止重试：message\/send: errcode 40003 invalid userid/)]);
  });

  it('resends a row whose sender died mid-send once its lease is over, with duplicate checking', async () => {
    await enqueue('window', { kind: 'text', text: '项目已受理' });
    // A sender claimed it at T0 and vanished: status sending, lease until T0 + 2 min.
    await db.prisma.outbox.updateMany({ data: { status: 'sending', attempts: 1, nextAttemptAt: at(120) } });
    expect(await pass(at(60))).toBe(0);
    wecom
      .post('/cgi-bin/message/send', (body) => body.enable_duplicate_check === 1 && body.text.content === '项目已受理')
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await pass(at(121))).toBe(1);
    expect(await db.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('bundles text notices that piled up for one person into one message', async () => {
    for (const text of ['任务一已报到', '任务二已办结', '任务三被退回']) await enqueue('window', { kind: 'text', text });
    sendOk();
    expect(await pass(at(0))).toBe(1);
    expect(sentTexts).toEqual(['window: 任务一已报到\n\n任务二已办结\n\n任务三被退回']);
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['bundled', 'bundled', 'bundled', 'sent']);
    expect(rows.slice(0, 3).every((row) => row.bundledIntoId === rows[3]!.id)).toBe(true);
  });

  it('paces one person to 20 messages a minute; the rest wait for the next minute', async () => {
    for (let i = 1; i <= 23; i += 1) await enqueue('window', { kind: 'markdown', text: `**通知${i}**` });
    sendOk(20);
    expect(await pass(at(0))).toBe(20);
    expect(await db.prisma.outbox.count({ where: { status: 'pending', nextAttemptAt: at(60) } })).toBe(3);
    expect(await pass(at(30))).toBe(0);
    sendOk(3);
    expect(await pass(at(61))).toBe(3);
    expect(sentTexts.at(-1)).toBe('window: markdown');
  });
});
