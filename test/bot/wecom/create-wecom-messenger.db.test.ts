// The WeCom messenger against a fake WeCom (nock): what each outgoing message becomes, and how
// each WeCom answer becomes a delivery result the sender acts on.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { openTestDatabase } from '../../support/test-database.js';
import { createLogger } from '../../../core/logger.js';
import type { Card, OutgoingMessage } from '../../../core/messages.js';
import { enqueueMessage } from '../../../core/enqueue-message.js';
import { openGroupChat } from '../../../bot/outbox/open-group-chat.js';
import { sendPending } from '../../../bot/outbox/send-pending.js';
import { findCardHandle, saveCardHandle } from '../../../bot/transport/card-handles.js';
import type { ChatTarget, Delivery } from '../../../bot/transport/messenger.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import { markWithId } from '../../../bot/wecom/send-app-message.js';
import { API_BASE, config, jsonFixture, readMark } from './wecom-fixtures.js';
import { socketError } from '../../support/socket-error.js';

const errors = jsonFixture<Record<string, object>>('errors.json');
const NOW = new Date('2025-11-24T02:03:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
let db: Database;
let wecom: nock.Scope;
let people: Map<string, number>;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
  people = await createPeople(db.prisma, [
    { account: 'admin', name: '管理员小王', roles: ['admin'], platform: 'wecom' },
    { account: 'window', name: '专窗小李', roles: ['window'], platform: 'wecom' },
    { account: 'zrzy.agent', name: '王某', roles: ['agent'], platform: 'wecom' },
  ]);
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
const delivery = (account: string, message: OutgoingMessage, extra: Partial<Delivery> = {}): Delivery => ({
  outboxId: (nextId += 1n),
  to: { account },
  message,
  attempt: 1,
  reply: false,
  ...extra,
});

/** A task card as handlers/tasks/build-task-card.ts makes it, each card under its own key. */
const taskCard = (taskId: number, buttons: ('take' | 'finish' | 'return')[] = ['take', 'return']): Card => ({
  key: `task:${taskId}`,
  title: '任务分送单：建设用地规划许可证',
  fields: [
    { label: '项目', value: '年产5万吨饲料加工项目' },
    { label: '报到期限', value: '10:33 前' },
  ],
  buttons: buttons.map((id) =>
    id === 'take'
      ? { id, text: '报到', style: 'primary' as const, command: `报到 T${taskId}` }
      : id === 'finish'
        ? { id, text: '办结', style: 'primary' as const, command: `办结 T${taskId}` }
        : { id, text: '退回', style: 'danger' as const, input: { placeholder: '退回原因' }, command: `退回 T${taskId} 原因` },
  ),
});

const keep = (cardKey: string, account: string, handle: string, issuedAt: Date) =>
  saveCardHandle(db.prisma, { platform: 'wecom', cardKey, account, handle, issuedAt });

describe('text and markdown', () => {
  it('sends text to one person with duplicate checking on, marked invisibly with its outbox row', async () => {
    const sent = delivery('window', { kind: 'text', text: '你好' });
    wecom
      .post('/cgi-bin/message/send', {
        touser: 'window',
        agentid: config.agentId,
        msgtype: 'text',
        text: { content: markWithId('你好', sent.outboxId) },
        enable_duplicate_check: 1,
        duplicate_check_interval: 1800,
      })
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await messenger().deliver(sent)).toMatchObject({ ok: true, platformMsgId: expect.any(String) });
    expect(readMark(markWithId('你好', sent.outboxId))).toEqual({ text: '你好', outboxId: sent.outboxId });
  });

  it('sends markdown with its title in bold on the first line', async () => {
    const contents: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => body.msgtype === 'markdown' && Boolean(contents.push(body.markdown.content)))
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await messenger().deliver(delivery('window', { kind: 'markdown', title: '周报', text: '> **P1**：审批中' }))).toMatchObject({ ok: true });
    expect(contents.map((content) => readMark(content).text)).toEqual(['**周报**\n> **P1**：审批中']);
  });

  it('declares WeCom’s limits to the outbox: 2,048 bytes less the mark, 30 a minute, 1,000 an hour, group chats', () => {
    nock.cleanAll();
    const { limits } = messenger();
    expect(limits).toMatchObject({ perMinute: 30, perHour: 1000, groupChats: true });
    // The longest text the outbox lets through still fits with the largest mark.
    expect(Buffer.byteLength(markWithId('字'.repeat(Math.floor(limits.maxBytes / 3)), 2n ** 48n - 1n))).toBeLessThanOrEqual(2048);
  });
});

describe('task cards', () => {
  it('sends a button_interaction card whose buttons name button and card, and keeps the response_code', async () => {
    const sent = delivery('zrzy.agent', { kind: 'card', card: taskCard(12) });
    wecom
      .post('/cgi-bin/message/send', (body) => {
        expect(body).toMatchObject({
          touser: 'zrzy.agent',
          msgtype: 'template_card',
          enable_duplicate_check: 1,
          template_card: {
            card_type: 'button_interaction',
            main_title: { title: '任务分送单：建设用地规划许可证' },
            horizontal_content_list: [
              { keyname: '项目', value: '年产5万吨饲料加工项目' },
              { keyname: '报到期限', value: '10:33 前' },
            ],
            task_id: `task12-o${sent.outboxId}`,
            button_list: [
              { text: '报到', key: 'take|task:12', style: 1 },
              { text: '退回', key: 'return|task:12', style: 2 },
            ],
          },
        });
        // WeCom cards take no typed input: the card tells the person the command to send instead.
        expect(body.template_card.sub_title_text).toBe('退回请发送「退回 T12 原因」');
        return true;
      })
      .query(true)
      .reply(200, jsonFixture('message-send-card-ok.json'));
    expect(await messenger().deliver(sent)).toEqual({ ok: true, platformMsgId: jsonFixture('message-send-card-ok.json').msgid });
    expect(await findCardHandle(db.prisma, { platform: 'wecom', cardKey: 'task:12', account: 'zrzy.agent', spend: false })).toBe(
      'VXWLnVvEZ09jHZNkTmQiKoVDmT3UP6ybV4AEvc3G4ZU',
    );
  });

  it('counts a resent card as delivered when WeCom says its task_id exists (42014): the first try got through', async () => {
    wecom
      .post('/cgi-bin/message/send')
      .query(true)
      .reply(200, { errcode: 42014, errmsg: 'taskid has existed or empty or exceed max len, hint: [1795485781462163458437133]' });
    expect(await messenger().deliver(delivery('zrzy.agent', { kind: 'card', card: taskCard(13) }))).toEqual({ ok: true });
  });

  it('updates a clicked card with the click’s response code, then the send’s, each once; then sends the status as text', async () => {
    await keep('task:14', 'zrzy.agent', 'SEND_CODE', minutesAgo(3));
    await keep('task:14', 'zrzy.agent', 'CLICK_CODE', minutesAgo(1));
    const final = { ...taskCard(14), buttons: [] };
    const update = () => delivery('zrzy.agent', { kind: 'card_update', card: final, status: '已办结 · 王某 · 10:03' });
    const usedCodes: string[] = [];
    wecom
      .post('/cgi-bin/message/update_template_card', (body) => {
        usedCodes.push(body.response_code);
        return body.agentid === config.agentId && body.userids[0] === 'zrzy.agent' && body.button.replace_name === '已办结 · 王某 · 10:03';
      })
      .query(true)
      .twice()
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const texts: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => body.touser === 'zrzy.agent' && Boolean(texts.push(body.text.content)))
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    const m = messenger();
    expect(await m.deliver(update())).toEqual({ ok: true });
    expect(await m.deliver(update())).toEqual({ ok: true });
    expect(usedCodes).toEqual(['CLICK_CODE', 'SEND_CODE']);
    // No unspent code is left: the person is told by text instead of nothing.
    expect(await m.deliver(update())).toMatchObject({ ok: true });
    expect(texts).toEqual(['任务分送单：建设用地规划许可证：已办结 · 王某 · 10:03']);
  });

  it('sends the status as text when WeCom answers 60140 (code used or expired), naming the commands left', async () => {
    await keep('task:15', 'window', 'OLD_CODE', minutesAgo(60));
    wecom.post('/cgi-bin/message/update_template_card').query(true).reply(200, errors['60140']);
    const texts: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => Boolean(texts.push(body.text.content)))
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    const taken = taskCard(15, ['finish', 'return']);
    expect(await messenger().deliver(delivery('window', { kind: 'card_update', card: taken, status: '已报到 · 王某 · 10:03' }))).toMatchObject({ ok: true });
    expect(texts).toEqual(['任务分送单：建设用地规划许可证：已报到 · 王某 · 10:03\n可发送 「办结 T15」 「退回 T15 原因」']);
    expect(await findCardHandle(db.prisma, { platform: 'wecom', cardKey: 'task:15', account: 'window', spend: true })).toBeNull();
  });

  it('does not spend a code older than 72 hours: the status goes as text without an update call', async () => {
    await keep('task:16', 'window', 'EXPIRED_CODE', minutesAgo(72 * 60 + 1));
    const texts: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => Boolean(texts.push(body.text.content)))
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await messenger().deliver(delivery('window', { kind: 'card_update', card: { ...taskCard(16), buttons: [] }, status: '已超时' }))).toMatchObject({
      ok: true,
    });
    expect(texts).toEqual(['任务分送单：建设用地规划许可证：已超时']);
  });

  it('replaces the card with one whose remaining buttons still work when buttons are left', async () => {
    await keep('task:17', 'invest', 'LIVE_CODE', minutesAgo(60));
    const bodies: { button?: unknown; response_code: string; template_card: { card_type: string; replace_text: string; button_list: { key: string }[] } }[] =
      [];
    wecom
      .post('/cgi-bin/message/update_template_card', (body) => Boolean(bodies.push(body)))
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const taken = taskCard(17, ['finish', 'return']);
    const result = await messenger().deliver(delivery('invest', { kind: 'card_update', card: taken, status: '已报到 · 王某 · 10:03' }));
    expect(result).toEqual({ ok: true });
    expect(bodies[0]!.response_code).toBe('LIVE_CODE');
    expect(bodies[0]!.button).toBeUndefined();
    expect(bodies[0]!.template_card).toMatchObject({ card_type: 'button_interaction', replace_text: '已报到 · 王某 · 10:03' });
    expect(bodies[0]!.template_card.button_list.map((button) => button.key)).toEqual(['finish|task:17', 'return|task:17']);
  });

  it('uses only the codes of that card and that person', async () => {
    await keep('task:18', 'zrzy.agent', 'OTHER_PERSON', minutesAgo(1));
    await keep('task:19', 'window', 'OTHER_CARD', minutesAgo(1));
    const texts: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => Boolean(texts.push(body.text.content)))
      .query(true)
      .reply(200, jsonFixture('message-send-ok.json'));
    expect(await messenger().deliver(delivery('window', { kind: 'card_update', card: { ...taskCard(18), buttons: [] }, status: '已退回' }))).toMatchObject({
      ok: true,
    });
    expect(texts).toEqual(['任务分送单：建设用地规划许可证：已退回']);
  });
});

describe('failures', () => {
  const text: OutgoingMessage = { kind: 'text', text: '提醒' };
  it.each([
    ['40003 invalid userid', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['40003']), { retry: false }],
    [
      'a listed invaliduser',
      () =>
        wecom
          .post('/cgi-bin/message/send')
          .query(true)
          .reply(200, { ...jsonFixture('message-send-ok.json'), invaliduser: 'ghost' }),
      { retry: false },
    ],
    ['45009 rate limit', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['45009']), { retry: true, retryAfterMs: 60_000 }],
    ['-1 system busy', () => wecom.post('/cgi-bin/message/send').query(true).reply(200, errors['-1']), { retry: true }],
    ['HTTP 502', () => wecom.post('/cgi-bin/message/send').query(true).reply(502, 'Bad Gateway'), { retry: true }],
    ['a dropped connection', () => wecom.post('/cgi-bin/message/send').query(true).replyWithError(socketError('ECONNRESET')), { retry: true }],
  ])('classifies %s', async (_name, answer, expected) => {
    answer();
    expect(await messenger().deliver(delivery('ghost', text))).toMatchObject({ ok: false, ...expected });
  });
});

describe('project group chats', () => {
  const chat = (id: string, name: string): ChatTarget => ({ id, name, owner: 'window', members: ['window', 'zrzy.agent'] });
  const open = (projectId: number, name: string) =>
    db.prisma.$transaction((tx) => openGroupChat(tx, { projectId, name, ownerId: people.get('window')!, memberIds: [people.get('zrzy.agent')!] }, ['wecom']));

  it('creates the chat before its first message, then only sends', async () => {
    expect(await open(7, '年产5万吨饲料加工项目')).toBe('project7');
    const first = delivery('', { kind: 'text', text: '项目已受理' }, { to: { chat: chat('project7', '年产5万吨饲料加工项目') } });
    wecom
      .post('/cgi-bin/appchat/create', { chatid: 'project7', name: '年产5万吨饲料加工项目', owner: 'window', userlist: ['window', 'zrzy.agent'] })
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok', chatid: 'project7' })
      .post('/cgi-bin/appchat/send', { chatid: 'project7', msgtype: 'text', text: { content: markWithId('项目已受理', first.outboxId) }, safe: 0 })
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' })
      .post('/cgi-bin/appchat/send', (body) => readMark(body.text.content).text === '请各单位报到')
      .query(true)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const m = messenger();
    expect(await m.deliver(first)).toEqual({ ok: true });
    expect(await m.deliver(delivery('', { kind: 'text', text: '请各单位报到' }, { to: { chat: chat('project7', '年产5万吨饲料加工项目') } }))).toEqual({
      ok: true,
    });
  });

  it('refuses a card for a group chat (WeCom group chats take no template_card) so the outbox sends it to each member', async () => {
    nock.cleanAll();
    const result = await messenger().deliver(delivery('', { kind: 'card', card: taskCard(20) }, { to: { chat: chat('project7', '年产5万吨饲料加工项目') } }));
    expect(result).toMatchObject({ ok: false, retry: false, groupRefused: true });
  });

  it('on 48002 turns the chat direct: its members get the message one to one, and the admin is told once', async () => {
    expect(await open(8, '光伏项目')).toBe('project8');
    await db.prisma.outbox.deleteMany({});
    await db.prisma.$transaction(async (tx) => {
      await enqueueMessage(tx, { to: { chatId: 'project8' }, message: { kind: 'text', text: '项目已受理' } });
      await enqueueMessage(tx, { to: { chatId: 'project8' }, message: { kind: 'text', text: '请各单位报到' } });
    });
    // Both notices, due together, go to the chat as one message, which meets the refusal.
    wecom.post('/cgi-bin/appchat/create').query(true).reply(200, errors['48002']);
    const oneToOne: string[] = [];
    wecom
      .post('/cgi-bin/message/send', (body) => Boolean(oneToOne.push(`${body.touser}: ${readMark(body.text.content).text}`)))
      .query(true)
      .times(3)
      .reply(200, jsonFixture('message-send-ok.json'));
    const messengers = new Map([['wecom' as const, messenger()]]);
    const pass = () => sendPending(db.prisma, messengers, { now: NOW, logger: createLogger('silent') });
    await pass();
    expect(await db.prisma.groupChat.findUnique({ where: { id: 'project8' } })).toMatchObject({ direct: true, openedAt: null });
    while ((await pass()) > 0);
    // Each member got the message one to one; the admin heard once.
    expect(oneToOne.sort()).toEqual([
      expect.stringMatching(/^admin: 发给项目群 project8的消息无法送达，已停止重试：企业微信不允许本应用使用群聊（错误码 48002/),
      'window: 项目已受理\n\n请各单位报到',
      'zrzy.agent: 项目已受理\n\n请各单位报到',
    ]);

    // Later messages to the chat go to each member straight away, with no group call.
    await db.prisma.$transaction((tx) => enqueueMessage(tx, { to: { chatId: 'project8' }, message: { kind: 'text', text: '项目已办结' } }));
    expect(await db.prisma.outbox.findMany({ where: { status: 'pending' }, select: { personId: true, chatId: true } })).toEqual([
      { personId: people.get('window')!, chatId: null },
      { personId: people.get('zrzy.agent')!, chatId: null },
    ]);
  });
});
