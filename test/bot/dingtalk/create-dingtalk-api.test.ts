// The API client against a fake DingTalk (nock): the token is fetched once for concurrent calls and
// again after DingTalk refuses it; errors keep no token or URL. Its expiry is the shared token cache's
// (test/bot/transport/create-token-cache.test.ts).
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyDingtalkFailure, QUOTA_EXCEEDED } from '../../../bot/dingtalk/classify-dingtalk-failure.js';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { API_BASE, config, errors, fixture, jsonFixture, OAPI_BASE } from './dingtalk-fixtures.js';

const token = (accessToken: string) => ({ ...jsonFixture('access-token.json'), accessToken });
const credentials = { appKey: config.clientId, appSecret: config.clientSecret };

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

const send = (api: ReturnType<typeof createDingtalkApi>) => api.call('POST', '/v1.0/robot/oToMessages/batchSend', { userIds: ['zhou.zrzy'] });

describe('createDingtalkApi', () => {
  it('fetches the token once for many concurrent calls and sends it as x-acs-dingtalk-access-token', async () => {
    const dingtalk = nock(API_BASE)
      .post('/v1.0/oauth2/accessToken', credentials)
      .delay(20)
      .reply(200, token('T1'))
      .post('/v1.0/robot/oToMessages/batchSend')
      .matchHeader('x-acs-dingtalk-access-token', 'T1')
      .times(5)
      .reply(200, jsonFixture('batch-send-ok.json'));
    const api = createDingtalkApi(config);
    await Promise.all(Array.from({ length: 5 }, () => send(api)));
    expect(dingtalk.isDone()).toBe(true);
  });

  it('drops a token DingTalk refuses, fetches a new one and retries once', async () => {
    nock(API_BASE)
      .post('/v1.0/oauth2/accessToken')
      .reply(200, token('T1'))
      .post('/v1.0/robot/oToMessages/batchSend')
      .matchHeader('x-acs-dingtalk-access-token', 'T1')
      .reply(401, errors.invalidToken)
      .post('/v1.0/oauth2/accessToken')
      .reply(200, token('T2'))
      .post('/v1.0/robot/oToMessages/batchSend')
      .matchHeader('x-acs-dingtalk-access-token', 'T2')
      .reply(200, jsonFixture('batch-send-ok.json'));
    await expect(send(createDingtalkApi(config))).resolves.toMatchObject({ processQueryKey: expect.any(String) });
  });

  it('sends the same token as access_token to oapi.dingtalk.com and throws on errcode', async () => {
    nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, token('T1'));
    nock(OAPI_BASE).post('/topapi/v2/department/listsub').query({ access_token: 'T1' }).reply(200, errors.quotaOapi);
    const failure = await createDingtalkApi(config)
      .oapi('/topapi/v2/department/listsub', { dept_id: 1 })
      .catch((error: unknown) => error);
    expect(String(failure)).not.toContain('T1');
    expect(classifyDingtalkFailure(failure)).toMatchObject({ ok: false, retry: false, error: expect.stringContaining(QUOTA_EXCEEDED) });
  });

  it('never puts the secret or the token into an error', async () => {
    nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(400, errors.badAppSecret);
    const failure = (await send(createDingtalkApi(config)).catch((error: unknown) => error)) as Error;
    expect(failure.message).toContain('invalidClientSecret');
    expect(failure.message).not.toContain(config.clientSecret);
    // A token that cannot be fetched is an operator's fix: the messages wait.
    expect(classifyDingtalkFailure(failure)).toMatchObject({ retry: true });
  });
});

describe('classifyDingtalkFailure', () => {
  async function failureOf(status: number, body: string | object, headers: Record<string, string> = {}) {
    nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, token('T1')).post('/v1.0/robot/oToMessages/batchSend').reply(status, body, headers);
    return classifyDingtalkFailure(await send(createDingtalkApi(config)).catch((error: unknown) => error));
  }

  it('retries the QPS limit and a busy system after a pause', async () => {
    expect(await failureOf(403, errors.qpsLimit)).toMatchObject({ ok: false, retry: true, retryAfterMs: 10_000 });
    expect(await failureOf(200, errors.busy)).toMatchObject({ ok: false, retry: true });
  });

  it("retries an HTTP 5xx and the gateway's HTML page (IP throttled for 5 minutes)", async () => {
    expect(await failureOf(502, 'Bad Gateway')).toMatchObject({ ok: false, retry: true });
    expect(await failureOf(200, fixture('gateway-throttled.html'), { 'content-type': 'text/html; charset=utf-8' })).toMatchObject({
      ok: false,
      retry: true,
      retryAfterMs: 300_000,
      error: expect.stringContaining('HTML'),
    });
  });

  it('gives up on the monthly quota with a text the admins can act on', async () => {
    const failure = await failureOf(403, errors.quotaNewApi);
    expect(failure).toMatchObject({ ok: false, retry: false });
    expect(failure.error.startsWith(QUOTA_EXCEEDED)).toBe(true);
    expect(failure.error).toContain('资源管理');
  });

  it('gives up on a refusal such as a bad parameter', async () => {
    expect(await failureOf(400, errors.badParameter)).toMatchObject({
      ok: false,
      retry: false,
      error: expect.stringContaining('invalidParameter.openConversationId'),
    });
  });
});
