// Reading a file a person sent the robot (bot/dingtalk/download-message-file.ts): the downloadCode is
// exchanged for a URL read without the token; a file over the limit is not read to its end.
import nock from 'nock';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { downloadMessageFile } from '../../../bot/dingtalk/download-message-file.js';
import { API_BASE, config, jsonFixture } from './dingtalk-fixtures.js';

const FILES = 'http://dingtalk-download.fake';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

function exchange(downloadCode: string) {
  nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
  nock(API_BASE)
    .post('/v1.0/robot/messageFiles/download', { downloadCode, robotCode: config.robotCode })
    .matchHeader('x-acs-dingtalk-access-token', 'fe5a7cc9f2c53d1e8f8a8c0b3d1f0e2a')
    .reply(200, { downloadUrl: `${FILES}/temporary/ledger?sig=1` });
}

it('exchanges the downloadCode for a URL and reads the file', async () => {
  exchange('code-1');
  nock(FILES)
    .get('/temporary/ledger')
    .query({ sig: '1' })
    .matchHeader('x-acs-dingtalk-access-token', (value) => value === undefined)
    .reply(200, Buffer.from('PK ledger bytes'));
  expect(await downloadMessageFile(createDingtalkApi(config), config.robotCode, 'code-1', 1024)).toEqual({ size: 15, bytes: Buffer.from('PK ledger bytes') });
});

it('gives the size of a file over the limit without its bytes', async () => {
  exchange('code-2');
  nock(FILES).get('/temporary/ledger').query(true).reply(200, Buffer.alloc(5000), { 'content-length': '5000' });
  expect(await downloadMessageFile(createDingtalkApi(config), config.robotCode, 'code-2', 1024)).toEqual({ size: 5000, bytes: null });
});

it('fails on an expired downloadCode, so the job retries and then tells the sender', async () => {
  nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
  nock(API_BASE).post('/v1.0/robot/messageFiles/download').reply(400, { code: 'invalidParameter.downloadCode', message: 'downloadCode有误或已过期' });
  await expect(downloadMessageFile(createDingtalkApi(config), config.robotCode, 'old', 1024)).rejects.toThrow();
});
