// The Wednesday digest's chart through the DingTalk messenger against a fake DingTalk (nock): uploaded
// to oapi's media/upload with type=image (上传媒体文件), then sent 1:1 through batchSend as
// sampleImageMsg with the media_id as photoURL (机器人发送消息的类型); a resend is announced by a
// （重发） line first, since DingTalk drops no duplicate and a picture shows no name.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { createDingtalkMessenger } from '../../../bot/dingtalk/create-dingtalk-messenger.js';
import type { OutgoingMessage } from '../../../core/messages.js';
import { renderChartPng } from '../../../core/charts/render-chart-png.js';
import { buildProblemChartOption } from '../../../domain/charts/build-problem-chart-option.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, OAPI_BASE, config, jsonFixture, recordingLogger } from './dingtalk-fixtures.js';

const NOW = new Date('2026-12-09T01:00:00Z');
const TOKEN = jsonFixture<{ accessToken: string }>('access-token.json').accessToken;
const media = jsonFixture<{ media_id: string }>('media-upload-ok.json');
let db: Database;
let image: OutgoingMessage & { kind: 'image' };

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
  const chart = buildProblemChartOption({ week: '2026-W50', now: NOW, problems: [{ unitId: 1, createdAt: NOW }], units: [{ id: 1, name: '自然资源局' }] });
  image = { kind: 'image', name: chart.name, content: (await renderChartPng(chart.option, { width: chart.width, height: chart.height })).toString('base64') };
}, 60_000);
afterAll(() => db.close());
beforeEach(() => {
  nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
});
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

const messenger = () =>
  createDingtalkMessenger({
    api: createDingtalkApi(config),
    prisma: db.prisma,
    clock: { now: () => NOW },
    logger: recordingLogger().logger,
    robotCode: config.robotCode,
    cardTemplateId: config.cardTemplateId,
  });

it('uploads the chart as an image, then sends it 1:1 as sampleImageMsg', async () => {
  const order: string[] = [];
  let upload = '';
  nock(OAPI_BASE)
    // nock hands a binary body over as hex.
    .post('/media/upload', (body) => Boolean((upload = Buffer.from(String(body), 'hex').toString('latin1'))))
    .query({ access_token: TOKEN, type: 'image' })
    .reply(() => (order.push('upload'), [200, media]));
  nock(API_BASE)
    .post('/v1.0/robot/oToMessages/batchSend', {
      robotCode: config.robotCode,
      userIds: ['zhou.zrzy'],
      msgKey: 'sampleImageMsg',
      msgParam: JSON.stringify({ photoURL: media.media_id }),
    })
    .matchHeader('x-acs-dingtalk-access-token', TOKEN)
    .reply(() => (order.push('image'), [200, jsonFixture('batch-send-ok.json')]));

  expect(await messenger().deliver({ outboxId: 7n, to: { account: 'zhou.zrzy' }, message: image, attempt: 1, reply: false })).toMatchObject({ ok: true });
  expect(order).toEqual(['upload', 'image']);
  expect(upload).toContain('Content-Type: image/png');
  expect(upload).toContain(Buffer.from(image.content, 'base64').toString('latin1'));
});

it('announces a resend with a （重发） line before the picture', async () => {
  const sent: string[] = [];
  nock(OAPI_BASE).post('/media/upload').query(true).reply(200, media);
  nock(API_BASE)
    .post('/v1.0/robot/oToMessages/batchSend', (body) => Boolean(sent.push(`${body.msgKey}:${JSON.parse(body.msgParam).content ?? ''}`)))
    .times(2)
    .reply(200, jsonFixture('batch-send-ok.json'));
  await messenger().deliver({ outboxId: 8n, to: { account: 'zhou.zrzy' }, message: image, attempt: 2, reply: false, resend: true });
  expect(sent).toEqual(['sampleText:（重发）本周问题 2026-W50.png', 'sampleImageMsg:']);
});
