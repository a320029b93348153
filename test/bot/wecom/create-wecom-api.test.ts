import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { WecomApiError } from '../../../bot/wecom/wecom-api-error.js';
import { API_BASE, config, jsonFixture } from './wecom-fixtures.js';
import { socketError } from '../../support/socket-error.js';

const errors = jsonFixture<Record<string, object>>('errors.json');
const token = (accessToken: string) => ({ ...jsonFixture('gettoken.json'), access_token: accessToken });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

describe('createWecomApi', () => {
  it('fetches the access_token once for many concurrent calls (single flight)', async () => {
    const wecom = nock(API_BASE)
      .get('/cgi-bin/gettoken')
      .query({ corpid: config.corpId, corpsecret: config.secret })
      .delay(20)
      .reply(200, token('T1'))
      .post('/cgi-bin/message/send')
      .query({ access_token: 'T1' })
      .times(5)
      .reply(200, jsonFixture('message-send-ok.json'));
    const api = createWecomApi(config);
    await Promise.all(Array.from({ length: 5 }, () => api.post('message/send', { touser: 'window' })));
    expect(wecom.isDone()).toBe(true);
  });

  it('refreshes the token and retries once when it expires mid-run (42001)', async () => {
    nock(API_BASE)
      .get('/cgi-bin/gettoken')
      .query(true)
      .reply(200, token('T1'))
      .post('/cgi-bin/message/send')
      .query({ access_token: 'T1' })
      .reply(200, errors['42001'])
      .get('/cgi-bin/gettoken')
      .query(true)
      .reply(200, token('T2'))
      .post('/cgi-bin/message/send', (body) => body.touser === 'window')
      .query({ access_token: 'T2' })
      .reply(200, jsonFixture('message-send-ok.json'));
    const api = createWecomApi(config);
    await expect(api.post('message/send', { touser: 'window' })).resolves.toMatchObject({ errcode: 0 });
  });

  it('gives up after one refresh rather than looping', async () => {
    nock(API_BASE)
      .get('/cgi-bin/gettoken')
      .query(true)
      .twice()
      .reply(200, token('T1'))
      .post('/cgi-bin/message/send')
      .query(true)
      .twice()
      .reply(200, errors['42001']);
    const api = createWecomApi(config);
    const failure = api.post('message/send', {});
    await expect(failure).rejects.toBeInstanceOf(WecomApiError);
    await expect(failure).rejects.toMatchObject({ errcode: 42001, message: 'message/send: errcode 42001 access_token expired' });
  });

  it('reports a network failure without the URL, which carries the token', async () => {
    nock(API_BASE)
      .get('/cgi-bin/gettoken')
      .query(true)
      .reply(200, token('T1'))
      .post('/cgi-bin/message/send')
      .query(true)
      .replyWithError(socketError('ECONNRESET', 'socket hang up'));
    const error = await createWecomApi(config)
      .post('message/send', {})
      .catch((caught: Error) => caught);
    expect(error).toMatchObject({ name: 'WecomTransportError', kind: 'network' });
    expect(String((error as Error).message)).not.toContain('T1');
  });
});
