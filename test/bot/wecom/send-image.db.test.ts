// The Wednesday digest's chart through the WeCom messenger against a fake WeCom (nock): uploaded with
// media/upload?type=image, then sent as msgtype image with the media_id (发送应用消息 → 图片消息); a resend,
// which WeCom does not drop (a new media_id), is announced by a （重发） line first; a project group chat
// takes pictures through appchat/send.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../core/messages.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import { renderChartPng } from '../../../core/charts/render-chart-png.js';
import { buildProblemChartOption } from '../../../domain/charts/build-problem-chart-option.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, config, jsonFixture } from './wecom-fixtures.js';

const NOW = new Date('2026-12-09T01:00:00Z');
let db: Database;
let wecom: nock.Scope;
let image: OutgoingMessage;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
  const chart = buildProblemChartOption({ week: '2026-W50', now: NOW, problems: [{ unitId: 1, createdAt: NOW }], units: [{ id: 1, name: '自然资源局' }] });
  const png = await renderChartPng(chart.option, { width: chart.width, height: chart.height });
  image = { kind: 'image', name: chart.name, content: png.toString('base64') };
}, 60_000);
afterAll(() => db.close());
beforeEach(() => {
  wecom = nock(API_BASE).get('/cgi-bin/gettoken').query(true).reply(200, jsonFixture('gettoken.json'));
});
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

const messenger = () => createWecomMessenger({ api: createWecomApi(config), prisma: db.prisma, agentId: config.agentId, clock: { now: () => NOW } });
const media = jsonFixture<{ media_id: string }>('media-upload-ok.json');
const order: string[] = [];

it('uploads the chart as an image, then sends msgtype image with the media_id', async () => {
  let upload = '';
  wecom
    // nock hands a binary body over as hex.
    .post('/cgi-bin/media/upload', (body) => Boolean((upload = Buffer.from(String(body), 'hex').toString('latin1'))))
    .query((query) => query.type === 'image')
    .reply(() => (order.push('upload'), [200, media]))
    .post('/cgi-bin/message/send', (body) => body.touser === 'leader.a' && body.msgtype === 'image' && body.image.media_id === media.media_id)
    .query(true)
    .reply(() => (order.push('image'), [200, jsonFixture('message-send-ok.json')]));

  expect(await messenger().deliver({ outboxId: 7n, to: { account: 'leader.a' }, message: image, attempt: 1, reply: false })).toMatchObject({ ok: true });
  expect(order).toEqual(['upload', 'image']);
  expect(upload).toContain('Content-Type: image/png');
  expect(upload).toContain(Buffer.from(image.kind === 'image' ? image.content : '', 'base64').toString('latin1'));
});

it('announces a resend with a （重发） line before the picture', async () => {
  const sent: string[] = [];
  wecom
    .post('/cgi-bin/message/send', (body) => body.msgtype === 'text' && Boolean(sent.push(`text:${String(body.text.content).split('\u2060')[0]}`)))
    .query(true)
    .reply(200, jsonFixture('message-send-ok.json'))
    .post('/cgi-bin/media/upload')
    .query(true)
    .reply(200, media)
    .post('/cgi-bin/message/send', (body) => body.msgtype === 'image' && Boolean(sent.push('image')))
    .query(true)
    .reply(200, jsonFixture('message-send-ok.json'));
  await messenger().deliver({ outboxId: 8n, to: { account: 'leader.a' }, message: image, attempt: 2, reply: false, resend: true });
  expect(sent).toEqual(['text:（重发）本周问题 2026-W50.png', 'image']);
});

it('sends the picture to a project group chat through appchat/send', async () => {
  await db.prisma.groupChat.upsert({
    where: { id: 'p12chat' },
    create: {
      id: 'p12chat',
      projectId: 12,
      name: 'P12 项目群',
      ownerId: 1,
      platform: 'wecom',
      memberIds: [],
      syncedMembers: ['leader.a', 'window'],
      openedAt: NOW,
    },
    update: {},
  });
  wecom
    .post('/cgi-bin/media/upload')
    .query((query) => query.type === 'image')
    .reply(200, media)
    .post('/cgi-bin/appchat/send', { chatid: 'p12chat', msgtype: 'image', image: { media_id: media.media_id }, safe: 0 })
    .query(true)
    .reply(200, { errcode: 0, errmsg: 'ok' });
  const chat = { id: 'p12chat', name: 'P12 项目群', owner: 'window', members: ['leader.a', 'window'] };
  expect(await messenger().deliver({ outboxId: 9n, to: { chat }, message: image, attempt: 1, reply: false })).toEqual({ ok: true });
});
