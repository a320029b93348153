// A file (the 台账 workbook) through the DingTalk messenger against a fake DingTalk (nock): uploaded
// to oapi's media/upload (上传媒体文件: multipart field `media`, type=file, the token as a query
// parameter), then sent 1:1 through batchSend as sampleFile {mediaId, fileName, fileType}.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { createDingtalkMessenger } from '../../../bot/dingtalk/create-dingtalk-messenger.js';
import type { OutgoingMessage } from '../../../core/messages.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, OAPI_BASE, config, errors, jsonFixture, recordingLogger } from './dingtalk-fixtures.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const TOKEN = jsonFixture<{ accessToken: string }>('access-token.json').accessToken;
const BYTES = 'PK\u0003\u0004 a small workbook';
const file: OutgoingMessage = { kind: 'file', name: '项目台账-2026-11-23.xlsx', content: Buffer.from(BYTES, 'latin1').toString('base64') };
const media = jsonFixture<{ media_id: string }>('media-upload-ok.json');
let db: Database;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
});
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

it('uploads the file to media/upload, then sends it 1:1 as sampleFile', async () => {
  const uploads: string[] = [];
  nock(OAPI_BASE)
    .post('/media/upload', (body) => Boolean(uploads.push(String(body))))
    .query({ access_token: TOKEN, type: 'file' })
    .matchHeader('content-type', /^multipart\/form-data; boundary=/)
    .reply(200, media);
  nock(API_BASE)
    .post('/v1.0/robot/oToMessages/batchSend', {
      robotCode: config.robotCode,
      userIds: ['zhou.zrzy'],
      msgKey: 'sampleFile',
      msgParam: JSON.stringify({ mediaId: media.media_id, fileName: '项目台账-2026-11-23.xlsx', fileType: 'xlsx' }),
    })
    .matchHeader('x-acs-dingtalk-access-token', TOKEN)
    .reply(200, jsonFixture('batch-send-ok.json'));

  expect(await messenger().deliver({ outboxId: 7n, to: { account: 'zhou.zrzy' }, message: file, attempt: 1, reply: true })).toEqual({
    ok: true,
    platformMsgId: 'Ltk0DOh4yAmkSLLvVhFxWyAFIyF0dF9QeWp0W2s7+Wc=',
  });
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toContain('Content-Disposition: form-data; name="media"; filename="项目台账-2026-11-23.xlsx"');
  expect(uploads[0]).toContain(BYTES);
});

it('sends it to a group chat by its openConversationId', async () => {
  nock(OAPI_BASE).post('/media/upload').query(true).reply(200, media);
  nock(API_BASE)
    .post(
      '/v1.0/robot/groupMessages/send',
      (body) =>
        body.msgKey === 'sampleFile' && JSON.parse(body.msgParam).mediaId === media.media_id && body.openConversationId === 'cidg2Vq0bG1x4eM9xJ7m8lq3A==',
    )
    .reply(200, jsonFixture('group-send-ok.json'));
  const chat = { id: 'cidg2Vq0bG1x4eM9xJ7m8lq3A==', name: 'P12 项目群', owner: 'window', members: ['window', 'zhou.zrzy'] };
  expect(await messenger().deliver({ outboxId: 8n, to: { chat }, message: file, attempt: 1, reply: false })).toMatchObject({ ok: true });
});

it('retries later when the upload meets a busy DingTalk, and sends nothing', async () => {
  nock(OAPI_BASE).post('/media/upload').query(true).reply(200, errors.busy);
  expect(await messenger().deliver({ outboxId: 9n, to: { account: 'zhou.zrzy' }, message: file, attempt: 1, reply: false })).toMatchObject({
    ok: false,
    retry: true,
  });
});
