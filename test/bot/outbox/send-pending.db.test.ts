// The outbox sender with the WeCom messenger against a fake WeCom (nock), moving the clock by
// hand: retries with backoff, permanent failures reported once, leases, the invisible row mark,
// splitting, bundling, and pacing to WeCom's 30 a minute and 1,000 an hour per person.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { createPeople } from '../../support/create-people.js';
import { createLogger } from '../../../core/logger.js';
import type { OutgoingMessage } from '../../../core/messages.js';
import { enqueueMessage, type Recipient } from '../../../core/enqueue-message.js';
import { sendPending } from '../../../bot/outbox/send-pending.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import { API_BASE, config, jsonFixture, readMark } from '../wecom/wecom-fixtures.js';

const errors = jsonFixture<Record<string, object>>('errors.json');
const T0 = new Date('2026-11-24T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const logger = createLogger('silent');
let db: Database;
let wecom: nock.Scope;
let people: Map<string, number>;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Outbox", "Person", "Account", "CardHandle", "GroupChat" RESTART IDENTITY CASCADE');
  people = await createPeople(db.prisma, [
    { account: 'admin', name: '管理员小王', roles: ['admin'], platform: 'wecom' },
    { account: 'window', name: '专窗小李', roles: ['window'], platform: 'wecom' },
  ]);
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
let messengers: Map<'wecom', ReturnType<typeof createWecomMessenger>>;
beforeEach(() => {
  messengers = new Map([
    ['wecom', createWecomMessenger({ api: createWecomApi(config), prisma: db.prisma, agentId: config.agentId, clock: { now: () => clock } })],
  ]);
});

function pass(now: Date) {
  clock = now;
  return sendPending(db.prisma, messengers, { now, logger });
}

/** A roster person by account, or an account that is no person (`ghost`). */
function to(account: string): Recipient {
  const personId = people.get(account);
  return personId === undefined ? { platform: 'wecom', account } : { personId };
}

function enqueue(account: string, message: OutgoingMessage, options: { reply?: boolean } = {}) {
  return db.prisma.$transaction((tx) => enqueueMessage(tx, { to: to(account), message, ...options }));
}

/** What each message/send showed, `touser: text` (the invisible mark removed), and the raw contents. */
const sentTexts: string[] = [];
const sentContents: string[] = [];
const sendOk = (times = 1) =>
  wecom
    .post('/cgi-bin/message/send', (body) => {
      const content: string | undefined = body.text?.content ?? body.markdown?.content;
      if (content !== undefined) sentContents.push(content);
      sentTexts.push(`${body.touser}: ${body.msgtype === 'text' ? readMark(content!).text : body.msgtype}`);
      return true;
    })
    .query(true)
    .times(times)
    .reply(200, jsonFixture('message-send-ok.json'));
beforeEach(() => {
  sentTexts.length = 0;
  sentContents.length = 0;
});

describe('retries and failures', () => {
  it('retries a 45009 rate limit after the backoff, and sends once', async () => {
    await enqueue('window', { kind: 'text', text: '请于30分钟内报到' });
    wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['45009']);
    expect(await pass(at(0))).toBe(0);
    const waiting = await db.prisma.outbox.findFirstOrThrow();
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      platform: 'wecom',
      account: 'window',
      lastError: 'message/send: errcode 45009 api freq out of limit',
    });
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
    wecom
      .post('/cgi-bin/message/send', (body) => body.touser === 'ghost')
      .query(true)
      .reply(200, errors['40003']);
    expect(await pass(at(0))).toBe(0);
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { account: 'ghost' } })).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'message/send: errcode 40003 invalid userid',
    });

    // A second message to the same person fails too, but the admins hear of it once.
    await enqueue('ghost', { kind: 'text', text: '第二条' });
    wecom
      .post('/cgi-bin/message/send', (body) => body.touser === 'ghost')
      .query(true)
      .reply(200, errors['40003']);
    sendOk();
    expect(await pass(at(2))).toBe(1);
    expect(await pass(at(3600))).toBe(0);
    expect(sentTexts).toEqual([expect.stringMatching(/^admin: 发给ghost的消息无法送达，已停止重试：message\/send: errcode 40003 invalid userid/)]);
  });

  it('fails a message to a person with no WeCom account and tells the admins, without calling WeCom', async () => {
    const [localOnly] = (await createPeople(db.prisma, [{ account: 'chen', name: '陈某', roles: ['agent'], platform: 'local' }])).values();
    await db.prisma.$transaction((tx) => enqueueMessage(tx, { to: { personId: localOnly! }, message: { kind: 'text', text: '请报到' } }));
    sendOk();
    expect(await pass(at(0))).toBe(0);
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { personId: localOnly! } })).toMatchObject({
      status: 'failed',
      lastError: 'no account on a configured platform',
    });
    expect(await pass(at(1))).toBe(1);
    expect(sentTexts).toEqual([expect.stringMatching(/^admin: 发给陈某的消息无法送达/)]);
  });
});

describe('the invisible row mark and WeCom’s duplicate check', () => {
  it('resends a row whose sender died mid-send once its lease is over, identical to its first try, so WeCom drops it', async () => {
    await enqueue('window', { kind: 'text', text: '项目已受理' });
    const bodies: Record<string, unknown>[] = [];
    const capture = () =>
      wecom
        .post('/cgi-bin/message/send', (body) => Boolean(bodies.push(body)))
        .query(true)
        .reply(200, jsonFixture('message-send-ok.json'));
    capture();
    expect(await pass(at(0))).toBe(1);
    // The sender reached WeCom and died before recording it: the row is still claimed, lease until T0 + 2 min.
    await db.prisma.outbox.updateMany({ data: { status: 'sending', sentAt: null, nextAttemptAt: at(120) } });
    expect(await pass(at(60))).toBe(0);
    capture();
    expect(await pass(at(121))).toBe(1);
    expect(await db.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2 });
    // Byte for byte the same request, with duplicate checking on: WeCom shows it once.
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[1]).toMatchObject({ touser: 'window', enable_duplicate_check: 1, duplicate_check_interval: 1800 });
  });

  it('a stopping server finishes the send under way and puts the rest of its batch back at once, tries uncounted', async () => {
    for (const text of ['第一条', '第二条', '第三条']) await enqueue('window', { kind: 'text', text }, { reply: true });
    const stopping = new AbortController();
    wecom
      .post('/cgi-bin/message/send', (body) => {
        sentTexts.push(`${body.touser}: ${readMark(body.text.content).text}`);
        stopping.abort();
        return true;
      })
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    clock = at(0);
    expect(await sendPending(db.prisma, messengers, { now: at(0), logger, stopping: stopping.signal })).toBe(1);
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ['sent', 1],
      ['pending', 0],
      ['pending', 0],
    ]);
    // Due at once for the next pass, here or on another instance — not after the 30 s lease.
    sendOk(2);
    expect(await pass(at(1))).toBe(2);
    expect(sentTexts).toEqual(['window: 第一条', 'window: 第二条', 'window: 第三条']);
    expect((await db.prisma.outbox.findMany()).map((row) => row.attempts)).toEqual([1, 1, 1]);
  });

  it('shows both of two rows with the same words (进度 asked twice): their invisible marks differ', async () => {
    sendOk(2);
    await enqueue('window', { kind: 'text', text: 'P1 光伏组件项目：审批中' }, { reply: true });
    expect(await pass(at(0))).toBe(1);
    await enqueue('window', { kind: 'text', text: 'P1 光伏组件项目：审批中' }, { reply: true });
    expect(await pass(at(60))).toBe(1);
    expect(sentTexts).toEqual(['window: P1 光伏组件项目：审批中', 'window: P1 光伏组件项目：审批中']);
    expect(sentContents[0]).not.toBe(sentContents[1]);
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(sentContents.map((content) => readMark(content).outboxId)).toEqual(rows.map((row) => row.id));
  });
});

describe('splitting and bundling', () => {
  it('sends markdown longer than WeCom takes as several rows, each within 2,048 bytes with its mark, nothing cut', async () => {
    const lines = Array.from({ length: 120 }, (_, index) => `> **项目${index + 1}**：审批中（自然资源局）`);
    const text = lines.join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(4096);
    await enqueue('window', { kind: 'markdown', title: '周报', text });
    sendOk(4);
    expect(await pass(at(0))).toBe(4);
    expect(sentContents.every((content) => Buffer.byteLength(content) <= 2048)).toBe(true);
    const shown = sentContents.map((content) => readMark(content).text);
    expect(shown.map((content) => content.split('\n')[0])).toEqual(['**周报**', '**周报（续1）**', '**周报（续2）**', '**周报（续3）**']);
    expect(shown.map((content) => content.split('\n').slice(1).join('\n')).join('\n')).toBe(text);
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['split', 'sent', 'sent', 'sent', 'sent']);
    expect(rows.slice(1).every((row) => row.splitFromId === rows[0]!.id)).toBe(true);
  });

  it('keeps a long-titled markdown within 2,048 bytes too, title and mark included', async () => {
    // 51 characters, 153 bytes: the title is repeated on every part, so it must fit with the text.
    const title = '重点项目周例会议题：县发展和改革委员会、县自然资源局、县住房和城乡建设局、县生态环境局联合汇总（补发）';
    // Lines of 8 bytes fill a part to its last few bytes.
    const text = Array.from({ length: 600 }, (_, index) => `L${String(index).padStart(6, '0')}`).join('\n');
    await enqueue('window', { kind: 'markdown', title, text });
    const sizes: number[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => Boolean(sizes.push(Buffer.byteLength(body.markdown.content))))
      .query(true)
      .times(3)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await pass(at(0))).toBe(3);
    // WeCom cuts markdown after 2,048 bytes (发送应用消息 → markdown消息): the end and the mark would be lost.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
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
});

describe('pacing', () => {
  it('paces one person to 30 messages a minute; the rest wait for the next minute', async () => {
    // Markdown notices are never bundled, so each one is a message of its own.
    for (let i = 1; i <= 33; i += 1) await enqueue('window', { kind: 'markdown', title: `通知${i}`, text: '请查看' });
    sendOk(30);
    expect(await pass(at(0))).toBe(30);
    expect(await db.prisma.outbox.count({ where: { status: 'pending', nextAttemptAt: at(60) } })).toBe(3);
    expect(await pass(at(30))).toBe(0);
    sendOk(3);
    expect(await pass(at(61))).toBe(3);
    expect(sentTexts).toHaveLength(33);
    expect(await db.prisma.outbox.count({ where: { status: 'sent' } })).toBe(33);
  });

  it('holds a person who got 1,000 messages in the last hour until the oldest is an hour old', async () => {
    // 1,000 sent between 59 and 2 minutes ago: the minute is free, the hour is full.
    await db.prisma.outbox.createMany({
      data: Array.from({ length: 1000 }, (_, index) => ({
        personId: people.get('window')!,
        platform: 'wecom',
        account: 'window',
        kind: 'text',
        payload: { kind: 'text', text: `旧通知${index}` },
        status: 'sent',
        sentAt: new Date(at(0).getTime() - 59 * 60_000 + index * 3_000),
      })),
    });
    await enqueue('window', { kind: 'text', text: '新通知' });
    expect(await pass(at(0))).toBe(0);
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { status: 'pending' } })).toMatchObject({ nextAttemptAt: at(60) });
    sendOk();
    expect(await pass(at(60))).toBe(1);
    expect(sentTexts).toEqual(['window: 新通知']);
  });

  it('paces each person on their own: another person is not held by a busy one', async () => {
    for (let i = 1; i <= 31; i += 1) await enqueue('window', { kind: 'markdown', title: `通知${i}`, text: '请查看' });
    await enqueue('admin', { kind: 'markdown', title: '日报', text: '请查看' });
    sendOk(31);
    expect(await pass(at(0))).toBe(31);
    expect(sentTexts.filter((text) => text.startsWith('admin:'))).toHaveLength(1);
    expect(await db.prisma.outbox.count({ where: { status: 'pending', account: 'window' } })).toBe(1);
    sendOk();
    expect(await pass(at(60))).toBe(1);
  });
});

describe('outcomes of a pass', () => {
  it('records a pass of 50 sends to 50 people each sent once with its WeCom msgid; one failing in the middle is retried alone', async () => {
    const accounts = Array.from({ length: 50 }, (_, i) => `p${i + 1}`);
    people = new Map([
      ...people,
      ...(await createPeople(
        db.prisma,
        accounts.map((account) => ({ account, name: account, roles: [], platform: 'wecom' as const })),
      )),
    ]);
    for (const account of accounts) await enqueue(account, { kind: 'text', text: `请于30分钟内报到 ${account}` });
    wecom
      .post('/cgi-bin/message/send', (body) => body.touser === 'p25')
      .query(true)
      .reply(200, errors['45009']);
    wecom
      .post('/cgi-bin/message/send', (body) => {
        sentTexts.push(`${body.touser}: ${readMark(body.text.content).text}`);
        return true;
      })
      .query(true)
      .times(50)
      .reply(200, (_uri, body) => ({ errcode: 0, errmsg: 'ok', msgid: `msg-${(body as { touser: string }).touser}` }));

    expect(await pass(at(0))).toBe(49);
    const rows = await db.prisma.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.filter((row) => row.status === 'sent')).toEqual(
      accounts
        .filter((account) => account !== 'p25')
        .map((account) => expect.objectContaining({ account, attempts: 1, sentAt: at(0), platformMsgId: `msg-${account}` })),
    );
    expect(rows.find((row) => row.account === 'p25')).toMatchObject({ status: 'pending', attempts: 1, platformMsgId: null });

    expect(await pass(at(61))).toBe(1);
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { account: 'p25' } })).toMatchObject({ status: 'sent', attempts: 2, platformMsgId: 'msg-p25' });
    expect(await pass(at(3600))).toBe(0);
    expect([...sentTexts].sort()).toEqual(accounts.map((account) => `${account}: 请于30分钟内报到 ${account}`).sort());
  });
});
