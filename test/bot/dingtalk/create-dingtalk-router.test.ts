// HTTP mode: the callback endpoint through a real Koa server on localhost, with requests signed
// as DingTalk signs them. `receive` is a fake recording what reached the bot.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_PATH, createDingtalkRouter } from '../../../bot/dingtalk/create-dingtalk-router.js';
import { signCallback } from '../../support/sign-dingtalk-callback.js';
import { FakeClock } from '../../support/fake-clock.js';
import { config, fixture, recordingLogger, recordingReceive } from './dingtalk-fixtures.js';

const clock = new FakeClock(new Date(1795485781000));
const { logger, lines } = recordingLogger();
let bot = recordingReceive();
let server: Server;
let url: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const app = new Koa();
  // The sign ledger as the database keeps it (claim-callback-sign.ts; tested in claim-callback-sign.db.test.ts).
  const signs = new Map<string, string>();
  const claimSign = async ({ timestamp, sign, body }: { timestamp: string; sign: string; body: string }) => {
    const seen = signs.get(`${timestamp}:${sign}`);
    if (seen === undefined) signs.set(`${timestamp}:${sign}`, body);
    return seen === undefined ? ('first' as const) : seen === body ? ('redelivery' as const) : ('reused' as const);
  };
  app.use(createDingtalkRouter({ appSecret: config.clientSecret, receive: (event) => bot.receive(event), claimSign, clock, logger }).routes());
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
});

afterAll(() => {
  server.close();
  nock.enableNetConnect();
});

beforeEach(() => {
  bot = recordingReceive();
  lines.length = 0;
});

// Each request signed at its own millisecond, as DingTalk signs each: a pair carries one body.
let sent = 0;
function post(body: string, { timestamp = String(clock.now().getTime() - 2000 - sent++), sign = signCallback(config.clientSecret, timestamp) } = {}) {
  return fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', timestamp, sign } });
}

const refusals = () => lines.filter((line) => line.msg === 'dingtalk callback refused');

describe('POST /dingtalk/callback', () => {
  it('records a correctly signed message once, and a redelivery as a duplicate', async () => {
    const body = fixture('robot-text-message.json');
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(bot.calls.map((event) => event.dedupKey)).toEqual(['msg:msgfGBWyOQ7N2eLqPc9v8aU5g==', 'msg:msgfGBWyOQ7N2eLqPc9v8aU5g==']);
    expect(bot.recorded()).toHaveLength(1);
    expect(bot.recorded()[0]).toMatchObject({ type: 'text', account: 'zhou.zrzy', text: '报到 T34' });
  });

  it('refuses a bad sign with 401 before reading the body, and logs why without a stack', async () => {
    const response = await post(fixture('robot-text-message.json'), { sign: signCallback('someone-elses-secret-0123', String(clock.now().getTime())) });
    expect(response.status).toBe(401);
    expect(bot.calls).toEqual([]);
    expect(refusals()).toEqual([expect.objectContaining({ status: 401, reason: 'bad sign', ip: '127.0.0.1' })]);
    expect(JSON.stringify(refusals())).not.toContain('stack');
  });

  it('refuses a correctly signed but stale timestamp (replay) with 401', async () => {
    const stale = String(clock.now().getTime() - 61 * 60_000);
    const response = await post(fixture('robot-text-message.json'), { timestamp: stale });
    expect(response.status).toBe(401);
    expect(refusals()[0]).toMatchObject({ reason: 'timestamp more than an hour off' });
    expect(bot.calls).toEqual([]);
  });

  it('refuses a body over 64 KB with 413 and one that is not JSON with 400', async () => {
    expect((await post('x'.repeat(65 * 1024))).status).toBe(413);
    expect((await post('<xml/>')).status).toBe(400);
    expect(refusals().map((line) => line.status)).toEqual([413, 400]);
    expect(bot.calls).toEqual([]);
  });

  it('refuses a signed message of the wrong shape with 400: nothing is stored', async () => {
    const response = await post(JSON.stringify({ msgtype: 'text', text: { content: 'hi' } }));
    expect(response.status).toBe(400);
    expect(bot.calls).toEqual([]);
    expect(lines.some((line) => line.msg === 'dingtalk push refused')).toBe(true);
  });
});
