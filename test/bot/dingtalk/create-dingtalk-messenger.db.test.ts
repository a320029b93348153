// The DingTalk messenger against a fake DingTalk (nock): what each outgoing message becomes, and
// how each DingTalk answer becomes a delivery result the outbox sender acts on.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUOTA_EXCEEDED } from '../../../bot/dingtalk/classify-dingtalk-failure.js';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { createDingtalkMessenger } from '../../../bot/dingtalk/create-dingtalk-messenger.js';
import type { OutgoingMessage } from '../../../core/messages.js';
import { findCardHandle } from '../../../bot/transport/card-handles.js';
import type { Delivery } from '../../../bot/transport/messenger.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, config, errors, fixture, jsonFixture, recordingLogger, taskCard } from './dingtalk-fixtures.js';

const NOW = new Date('2026-11-24T02:03:00Z');
let db: Database;
let dingtalk: nock.Scope;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
});
afterAll(() => db.close());

beforeEach(() => {
  dingtalk = nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
});
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

const messenger = ({ cardTemplateId }: { cardTemplateId: string | undefined } = { cardTemplateId: config.cardTemplateId }) =>
  createDingtalkMessenger({
    api: createDingtalkApi(config),
    prisma: db.prisma,
    clock: { now: () => NOW },
    logger: recordingLogger().logger,
    robotCode: config.robotCode,
    cardTemplateId,
  });
let nextId = 1000n;
const toPerson = (account: string, message: OutgoingMessage): Delivery => ({ outboxId: (nextId += 1n), to: { account }, message, attempt: 1, reply: false });
const chat = { id: 'cidg2Vq0bG1x4eM9xJ7m8lq3A==', name: 'P12 年产5万吨饲料加工项目', owner: 'window', members: ['window', 'zhou.zrzy'] };

describe('text and markdown', () => {
  it('sends text 1:1 through batchSend with msgParam as a JSON string', async () => {
    dingtalk
      .post('/v1.0/robot/oToMessages/batchSend', {
        robotCode: config.robotCode,
        userIds: ['zhou.zrzy'],
        msgKey: 'sampleText',
        msgParam: JSON.stringify({ content: '你好' }),
      })
      .matchHeader('x-acs-dingtalk-access-token', 'fe5a7cc9f2c53d1e8f8a8c0b3d1f0e2a')
      .reply(200, jsonFixture('batch-send-ok.json'));
    expect(await messenger().deliver(toPerson('zhou.zrzy', { kind: 'text', text: '你好' }))).toEqual({
      ok: true,
      platformMsgId: 'Ltk0DOh4yAmkSLLvVhFxWyAFIyF0dF9QeWp0W2s7+Wc=',
    });
  });

  it('sends markdown with its title as sampleMarkdown', async () => {
    dingtalk
      .post(
        '/v1.0/robot/oToMessages/batchSend',
        (body) => body.msgKey === 'sampleMarkdown' && JSON.parse(body.msgParam).title === '周报' && JSON.parse(body.msgParam).text === '**3** 个任务',
      )
      .reply(200, jsonFixture('batch-send-ok.json'));
    expect(await messenger().deliver(toPerson('zhou.zrzy', { kind: 'markdown', title: '周报', text: '**3** 个任务' }))).toMatchObject({ ok: true });
  });

  it('sends to a group chat by its openConversationId', async () => {
    dingtalk
      .post('/v1.0/robot/groupMessages/send', {
        robotCode: config.robotCode,
        openConversationId: chat.id,
        msgKey: 'sampleText',
        msgParam: JSON.stringify({ content: '已派单' }),
      })
      .reply(200, jsonFixture('group-send-ok.json'));
    expect(await messenger().deliver({ outboxId: 1n, to: { chat }, message: { kind: 'text', text: '已派单' }, attempt: 1, reply: false })).toMatchObject({
      ok: true,
    });
  });

  it('tells the sender to fall back to the members when DingTalk refuses the group', async () => {
    dingtalk.post('/v1.0/robot/groupMessages/send').reply(400, errors.badParameter);
    expect(await messenger().deliver({ outboxId: 2n, to: { chat }, message: { kind: 'text', text: '已派单' }, attempt: 1, reply: false })).toMatchObject({
      ok: false,
      retry: false,
      groupRefused: true,
    });
  });
});

describe("DingTalk's answers", () => {
  it('retries a flow-controlled person later', async () => {
    dingtalk.post('/v1.0/robot/oToMessages/batchSend').reply(200, jsonFixture('batch-send-flow-controlled.json'));
    expect(await messenger().deliver(toPerson('zhou.zrzy', { kind: 'text', text: '提醒' }))).toMatchObject({ ok: false, retry: true, retryAfterMs: 60_000 });
  });

  it('gives up on a person DingTalk does not know', async () => {
    dingtalk.post('/v1.0/robot/oToMessages/batchSend').reply(200, jsonFixture('batch-send-invalid-user.json'));
    expect(await messenger().deliver(toPerson('left.company', { kind: 'text', text: '提醒' }))).toMatchObject({
      ok: false,
      retry: false,
      error: expect.stringContaining('invalidStaffIdList'),
    });
  });

  it('gives up on the exhausted monthly quota with a distinct error', async () => {
    dingtalk.post('/v1.0/robot/oToMessages/batchSend').reply(403, errors.quotaNewApi);
    const result = await messenger().deliver(toPerson('zhou.zrzy', { kind: 'text', text: '提醒' }));
    expect(result).toMatchObject({ ok: false, retry: false });
    expect((result as { error: string }).error.startsWith(QUOTA_EXCEEDED)).toBe(true);
  });

  it("retries after the gateway's HTML page", async () => {
    dingtalk.post('/v1.0/robot/oToMessages/batchSend').reply(200, fixture('gateway-throttled.html'), { 'content-type': 'text/html' });
    expect(await messenger().deliver(toPerson('zhou.zrzy', { kind: 'text', text: '提醒' }))).toMatchObject({ ok: false, retry: true, retryAfterMs: 300_000 });
  });
});

describe('cards', () => {
  it('creates and delivers an interactive card, keeps its outTrackId, then updates that card in place', async () => {
    const delivery = toPerson('zhou.zrzy', { kind: 'card', card: taskCard });
    const outTrackId = `task:34~${delivery.outboxId}`;
    dingtalk
      .post('/v1.0/card/instances/createAndDeliver', (body) => {
        expect(body).toMatchObject({
          cardTemplateId: config.cardTemplateId,
          outTrackId,
          callbackType: 'STREAM',
          openSpaceId: 'dtv1.card//IM_ROBOT.zhou.zrzy',
          imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: config.robotCode },
          cardData: {
            cardParamMap: {
              title: taskCard.title,
              button1Id: 'take',
              button1Text: '报到',
              button2Id: 'return',
              button2Input: '原因',
              buttonCount: '2',
              status: '',
            },
          },
        });
        // cardParamMap takes string values only (创建并投放卡片).
        expect(Object.values(body.cardData.cardParamMap).every((value) => typeof value === 'string')).toBe(true);
        return true;
      })
      .reply(200, {
        ...jsonFixture('create-and-deliver-ok.json'),
        result: { outTrackId, deliverResults: [{ spaceType: 'IM_ROBOT', spaceId: 'zhou.zrzy', success: true }] },
      });
    expect(await messenger().deliver(delivery)).toEqual({ ok: true, platformMsgId: outTrackId });
    expect(await findCardHandle(db.prisma, { platform: 'dingtalk', cardKey: 'task:34', account: 'zhou.zrzy', spend: false })).toBe(outTrackId);

    nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
    dingtalk
      .put(
        '/v1.0/card/instances',
        (body) =>
          body.outTrackId === outTrackId && body.cardData.cardParamMap.status === '已报到 · 周某 · 10:05' && body.cardData.cardParamMap.buttonCount === '0',
      )
      .reply(200, jsonFixture('update-card-ok.json'));
    const update: OutgoingMessage = { kind: 'card_update', card: { ...taskCard, buttons: [] }, status: '已报到 · 周某 · 10:05' };
    expect(await messenger().deliver(toPerson('zhou.zrzy', update))).toEqual({ ok: true, platformMsgId: outTrackId });
  });

  it('sends the status as text when there is no card to update', async () => {
    dingtalk
      .post('/v1.0/robot/oToMessages/batchSend', (body) => body.msgKey === 'sampleText' && JSON.parse(body.msgParam).content === '已办结 · 王某')
      .reply(200, jsonFixture('batch-send-ok.json'));
    const update: OutgoingMessage = { kind: 'card_update', card: { ...taskCard, key: 'task:35', buttons: [] }, status: '已办结 · 王某' };
    expect(await messenger().deliver(toPerson('wang.zrzy', update))).toMatchObject({ ok: true });
  });

  it('sends the status as text when DingTalk refuses to update the card', async () => {
    const delivery = toPerson('wang.zrzy', { kind: 'card', card: { ...taskCard, key: 'task:36' } });
    dingtalk.post('/v1.0/card/instances/createAndDeliver').reply(200, jsonFixture('create-and-deliver-ok.json'));
    await messenger().deliver(delivery);
    nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
    dingtalk
      .put('/v1.0/card/instances')
      .reply(400, errors.badParameter)
      .post('/v1.0/robot/oToMessages/batchSend', (body) => JSON.parse(body.msgParam).content === '已退回 · 王某')
      .reply(200, jsonFixture('batch-send-ok.json'));
    const update: OutgoingMessage = { kind: 'card_update', card: { ...taskCard, key: 'task:36', buttons: [] }, status: '已退回 · 王某' };
    expect(await messenger().deliver(toPerson('wang.zrzy', update))).toMatchObject({ ok: true });
  });

  it('refuses for good a card DingTalk did not deliver', async () => {
    dingtalk.post('/v1.0/card/instances/createAndDeliver').reply(200, jsonFixture('create-and-deliver-refused.json'));
    expect(await messenger().deliver(toPerson('left.company', { kind: 'card', card: taskCard }))).toMatchObject({
      ok: false,
      retry: false,
      error: expect.stringContaining('visible scope'),
    });
  });

  it('without a card template, sends the card as markdown naming the commands', async () => {
    dingtalk
      .post('/v1.0/robot/oToMessages/batchSend', (body) => body.msgKey === 'sampleMarkdown' && JSON.parse(body.msgParam).text.includes('「报到 T34」'))
      .reply(200, jsonFixture('batch-send-ok.json'));
    expect(await messenger({ cardTemplateId: undefined }).deliver(toPerson('zhou.zrzy', { kind: 'card', card: taskCard }))).toMatchObject({ ok: true });
  });
});
