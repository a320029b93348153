// The WeCom messenger against a fake WeCom (nock): what each outgoing message becomes, and how
// each WeCom answer becomes a delivery result the sender acts on.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import type { Delivery } from '../../../bot/outbox/messenger.js';
import type { OutgoingMessage } from '../../../bot/outgoing-message.js';
import { openGroupChat } from '../../../bot/outbox/open-group-chat.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import { API_BASE, config, jsonFixture } from './wecom-fixtures.js';

const errors = jsonFixture<Record<string, object>>('errors.json');
const NOW = new Date('2025-11-24T02:03:00Z');
let db: Database;
let wecom: nock.Scope;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
  await db.prisma.person.createMany({
    data: [
      { userid: 'admin', name: '管理员小王', roles: ['admin'] },
      { userid: 'window', name: '专窗小李', roles: ['window'] },
      { userid: 'zrzy.agent', name: '王某', roles: ['agent'] },
    ],
  });
});
afterAll(() => db.close());

beforeEach(() => {
  wecom = nock(API_BASE).get('/cgi-bin/gettoken').query(true).reply(200, jsonFixture('gettoken.json'));
});
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

const messenger = () => createWecomMessenger({ api: createWecomApi(config), prisma: db.prisma, agentId: config.agentId, clock: { now: () => NOW } });
let nextId = 1000n;
const delivery = (recipient: string, message: OutgoingMessage, extra: Partial<Delivery> = {}): Delivery => ({
  outboxId: (nextId += 1n),
  recipient,
  toChat: false,
  message,
  taskId: null,
  ...extra,
});

const card = {
  kind: 'card' as const,
  card: {
    taskId: 12,
    title: '任务分送单：建设用地规划许可证',
    fields: [
      { label: '项目', value: '年产5万吨饲料加工项目' },
      { label: '报到期限', value: '10:33 前' },
    ],
    actions: [
      { action: 'take' as const, text: '报到' },
      { action: 'return' as const, text: '退回' },
    ],
  },
} satisfies OutgoingMessage;

describe('text and markdown', () => {
  it('sends text to one person with duplicate checking on', async () => {
    wecom
      .post('/cgi-bin/message/send', {
        touser: 'window',
        agentid: config.agentId,
        msgtype: 'text',
        text: { content: '你好' },
        enable_duplicate_check: 1,
        duplicate_check_interval: 1800,
      })
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await messenger().deliver(delivery('window', { kind: 'text', text: '你好' }))).toMatchObject({ ok: true, platformMsgId: expect.any(String) });
  });

  it('sends markdown longer than WeCom takes as several messages, each within 2,048 bytes, nothing cut', async () => {
    const lines = Array.from({ length: 120 }, (_, index) => `> **项目${index + 1}**：审批中（自然资源局）`);
    const contents: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => body.msgtype === 'markdown' && Boolean(contents.push(body.markdown.content)))
      .query(true)
      .times(3)
      .reply(200, jsonFixture('message-send-ok.json'));
    const text = lines.join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(4096);
    expect(await messenger().deliver(delivery('window', { kind: 'markdown', text }))).toMatchObject({ ok: true });
    expect(contents.every((content) => Buffer.byteLength(content) <= 2048)).toBe(true);
    expect(contents.join('\n')).toBe(text);
  });
});

describe('task cards', () => {
  it('sends a button_interaction card whose buttons name the task, and keeps the response_code', async () => {
    const sent = delivery('zrzy.agent', card, { taskId: 12 });
    wecom
      .post('/cgi-bin/message/send', (body) => {
        expect(body).toMatchObject({
          touser: 'zrzy.agent',
          msgtype: 'template_card',
          enable_duplicate_check: 1,
          template_card: {
            card_type: 'button_interaction',
            main_title: { title: '任务分送单：建设用地规划许可证' },
            horizontal_content_list: [{ keyname: '项目', value: '年产5万吨饲料加工项目' }, { keyname: '报到期限', value: '10:33 前' }],
            task_id: `task12-o${sent.outboxId}`,
            button_list: [{ text: '报到', key: 'take:12', style: 1 }, { text: '退回', key: 'return:12', style: 2 }],
          },
        });
        return true;
      })
      .query(true)
      .reply(200, jsonFixture('message-send-card-ok.json'));
    expect(await messenger().deliver(sent)).toEqual({
      ok: true,
      platformMsgId: jsonFixture('message-send-card-ok.json').msgid,
      responseCode: 'VXWLnVvEZ09jHZNkTmQiKoVDmT3UP6ybV4AEvc3G4ZU',
    });
  });

  it('counts a resent card as delivered when WeCom says its task_id exists (42014): the first try got through', async () => {
    wecom
      .post('/cgi-bin/message/send')
      .query(true)
      .reply(200, { errcode: 42014, errmsg: 'taskid has existed or empty or exceed max len, hint: [1795485781462163458437133]' });
    expect(await messenger().deliver(delivery('zrzy.agent', card, { taskId: 12 }))).toEqual({ ok: true });
  });

  it('updates a clicked card with the click’s response code, then the send’s, each once', async () => {
    await db.prisma.outbox.create({
      data: { recipient: 'zrzy.agent', kind: 'card', payload: card as object, taskId: 12, status: 'sent', sentAt: new Date('2025-11-24T02:00:00Z'), responseCode: 'SEND_CODE' },
    });
    await db.prisma.inbound.create({
      data: {
        platform: 'wecom',
        dedupKey: 'event:zrzy.agent:click',
        event: { platform: 'wecom', type: 'card_action', sender: 'zrzy.agent', dedupKey: 'x', at: '2025-11-24T02:02:00.000Z', taskId: 12, action: 'take', responseCode: 'CLICK_CODE' },
      },
    });
    const update = (status: string) => delivery('zrzy.agent', { kind: 'card_update', taskId: 12, status });
    const usedCodes: string[] = [];
    wecom
      .post('/cgi-bin/message/update_template_card', (body) => {
        usedCodes.push(body.response_code);
        return body.agentid === config.agentId && body.userids[0] === 'zrzy.agent' && body.button.replace_name === '已报到 · 王某 · 10:03';
      })
      .query(true)
      .twice()
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const m = messenger();
    const first = await m.deliver(update('已报到 · 王某 · 10:03'));
    expect(first).toEqual({ ok: true, responseCode: 'CLICK_CODE' });
    // The sender stores the spent code on the card_update row.
    await db.prisma.outbox.create({ data: { recipient: 'zrzy.agent', kind: 'card_update', payload: {}, taskId: 12, status: 'sent', responseCode: 'CLICK_CODE' } });
    expect(await m.deliver(update('已报到 · 王某 · 10:03'))).toEqual({ ok: true, responseCode: 'SEND_CODE' });
    expect(usedCodes).toEqual(['CLICK_CODE', 'SEND_CODE']);
  });

  it('treats 60140 (code used or expired) as done, not as a failure', async () => {
    await db.prisma.outbox.create({
      data: { recipient: 'window', kind: 'card', payload: card as object, taskId: 12, status: 'sent', sentAt: new Date('2025-11-24T01:00:00Z'), responseCode: 'OLD_CODE' },
    });
    wecom.post('/cgi-bin/message/update_template_card').query(true).reply(200, errors['60140']);
    expect(await messenger().deliver(delivery('window', { kind: 'card_update', taskId: 12, status: '已超时' }))).toEqual({ ok: true, responseCode: 'OLD_CODE' });
  });

  it('replaces the card with one whose remaining buttons still work when the update carries a card', async () => {
    await db.prisma.outbox.create({
      data: { recipient: 'invest', kind: 'card', payload: card as object, taskId: 12, status: 'sent', sentAt: new Date('2025-11-24T01:00:00Z'), responseCode: 'LIVE_CODE' },
    });
    const bodies: { button?: unknown; template_card: { card_type: string; replace_text: string; button_list: { key: string }[] } }[] = [];
    wecom.post('/cgi-bin/message/update_template_card', (body) => Boolean(bodies.push(body))).query(true).reply(200, { errcode: 0, errmsg: 'ok' });
    const taken = { ...card.card, actions: [{ action: 'finish' as const, text: '办结' }, { action: 'return' as const, text: '退回' }] };
    const result = await messenger().deliver(delivery('invest', { kind: 'card_update', taskId: 12, status: '已报到 · 王某 · 10:03', card: taken }));
    expect(result).toEqual({ ok: true, responseCode: 'LIVE_CODE' });
    expect(bodies[0]!.button).toBeUndefined();
    expect(bodies[0]!.template_card).toMatchObject({ card_type: 'button_interaction', replace_text: '已报到 · 王某 · 10:03' });
    expect(bodies[0]!.template_card.button_list.map((button) => button.key)).toEqual(['finish:12', 'return:12']);
  });

  it('has nothing to update when no card with a live code was sent', async () => {
    nock.cleanAll();
    expect(await messenger().deliver(delivery('window', { kind: 'card_update', taskId: 99, status: '已超时' }))).toEqual({ ok: true });
  });
});

describe('failures', () => {
  const text: OutgoingMessage = { kind: 'text', text: '提醒' };
  it.each([
    ['40003 invalid userid', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['40003']), { retry: false }],
    ['a listed invaliduser', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, { ...jsonFixture('message-send-ok.json'), invaliduser: 'ghost' }), { retry: false }],
    ['45009 rate limit', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['45009']), { retry: true, retryAfterMs: 60_000 }],
    ['-1 system busy', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['-1']), { retry: true }],
    ['HTTP 502', () => wecom.post('/cgi-bin/message/send').query(true).reply(502, 'Bad Gateway'), { retry: true }],
    ['a dropped connection', () => wecom.post('/cgi-bin/message/send').query(true).replyWithError({ code: 'ECONNRESET' }), { retry: true }],
  ])('classifies %s', async (_name, answer, expected) => {
    answer();
    expect(await messenger().deliver(delivery('ghost', text))).toMatchObject({ ok: false, ...expected });
  });
});

describe('project group chats', () => {
  it('creates the chat before its first message, then only sends', async () => {
    await db.prisma.$transaction((tx) => openGroupChat(tx, { id: 'project7', name: '年产5万吨饲料加工项目', owner: 'window', members: ['zrzy.agent'] }));
    wecom
      .post('/cgi-bin/appchat/create', { chatid: 'project7', name: '年产5万吨饲料加工项目', owner: 'window', userlist: ['window', 'zrzy.agent'] })
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok', chatid: 'project7' })
      .post('/cgi-bin/appchat/send', { chatid: 'project7', msgtype: 'text', text: { content: '项目已受理' }, safe: 0 })
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' })
      .post('/cgi-bin/appchat/send', (body) => body.text.content === '请各单位报到')
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const m = messenger();
    expect(await m.deliver(delivery('project7', { kind: 'text', text: '项目已受理' }, { toChat: true }))).toEqual({ ok: true });
    expect(await m.deliver(delivery('project7', { kind: 'text', text: '请各单位报到' }, { toChat: true }))).toEqual({ ok: true });
  });

  it('falls back to one-to-one messages on 48002 and tells the admin once', async () => {
    await db.prisma.$transaction((tx) => openGroupChat(tx, { id: 'project8', name: '光伏项目', owner: 'window', members: ['zrzy.agent'] }));
    wecom.post('/cgi-bin/appchat/create').query(true).reply(200, errors['48002']);
    const m = messenger();
    const first = delivery('project8', { kind: 'text', text: '项目已受理' }, { toChat: true });
    expect(await m.deliver(first)).toEqual({ ok: true });
    expect(await m.deliver(delivery('project8', { kind: 'text', text: '请各单位报到' }, { toChat: true }))).toEqual({ ok: true });
    // A retry of the first delivery queues nothing new.
    expect(await m.deliver(first)).toEqual({ ok: true });
    const queued = await db.prisma.outbox.findMany({ where: { status: 'pending' }, orderBy: { id: 'asc' } });
    expect(queued.map((row) => [row.recipient, (row.payload as { text: string }).text])).toEqual([
      ['window', '项目已受理'],
      ['zrzy.agent', '项目已受理'],
      ['admin', expect.stringContaining('48002')],
      ['window', '请各单位报到'],
      ['zrzy.agent', '请各单位报到'],
    ]);
    expect(await db.prisma.groupChat.findUnique({ where: { id: 'project8' } })).toMatchObject({ direct: true, openedAt: null });
  });
});
