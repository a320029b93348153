// A file (the 台账 workbook) through the WeCom messenger against a fake WeCom (nock): uploaded with
// media/upload as multipart field `media` under its name, then sent as msgtype file; a project
// group chat refuses it, so the outbox sends it to each member.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../core/messages.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { createWecomMessenger } from '../../../bot/wecom/create-wecom-messenger.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { API_BASE, config, jsonFixture } from './wecom-fixtures.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const BYTES = 'PK\u0003\u0004 a small workbook';
const file: OutgoingMessage = { kind: 'file', name: '项目台账-2026-11-23.xlsx', content: Buffer.from(BYTES, 'latin1').toString('base64') };
let db: Database;
let wecom: nock.Scope;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
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
const media = jsonFixture<{ media_id: string }>('media-upload-ok.json');

it('uploads the file under its name, then sends it as msgtype file with the media_id', async () => {
  let upload: { type: string | null; contentType: string; body: string } | undefined;
  wecom
    .post('/cgi-bin/media/upload')
    .query((query) => query.type === 'file' && query.access_token !== undefined)
    .reply(function (uri, body) {
      upload = { type: new URL(uri, API_BASE).searchParams.get('type'), contentType: String(this.req.headers['content-type']), body: String(body) };
      return [200, media];
    })
    .post('/cgi-bin/message/send', {
      touser: 'window',
      agentid: config.agentId,
      msgtype: 'file',
      file: { media_id: media.media_id },
      enable_duplicate_check: 1,
      duplicate_check_interval: 1800,
    })
    .query(true)
    .reply(200, jsonFixture('message-send-ok.json'));

  const result = await messenger().deliver({ outboxId: 7n, to: { account: 'window' }, message: file, attempt: 1, reply: true });

  expect(result).toEqual({ ok: true, platformMsgId: jsonFixture<{ msgid: string }>('message-send-ok.json').msgid });
  expect(upload!.type).toBe('file');
  expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=/);
  // The filename is what people see in WeCom; the part carries the bytes as they are.
  expect(upload!.body).toContain('Content-Disposition: form-data; name="media"; filename="项目台账-2026-11-23.xlsx"');
  expect(upload!.body).toContain(BYTES);
});

it('retries later when the upload meets a busy WeCom, and sends nothing', async () => {
  wecom.post('/cgi-bin/media/upload').query(true).reply(200, { errcode: -1, errmsg: 'system busy' });
  expect(await messenger().deliver({ outboxId: 8n, to: { account: 'window' }, message: file, attempt: 1, reply: false })).toMatchObject({
    ok: false,
    retry: true,
  });
});

it('refuses a file for a group chat, so the outbox sends it to each member', async () => {
  nock.cleanAll();
  const chat = { id: 'p12chat', name: 'P12 项目群', owner: 'window', members: ['window', 'zrzy.agent'] };
  expect(await messenger().deliver({ outboxId: 9n, to: { chat }, message: file, attempt: 1, reply: false })).toMatchObject({
    ok: false,
    retry: false,
    groupRefused: true,
  });
});
