// The callback endpoint through a real Koa server on localhost, with callbacks encrypted and
// signed as WeCom does. `receive` is a fake here: it records what reached the bot.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import Koa from 'koa';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../core/logger.js';
import type { IncomingEvent } from '../../../core/messages.js';
import { CALLBACK_PATH, createWecomRouter } from '../../../bot/wecom/create-wecom-router.js';
import type { CardClickHandle } from '../../../bot/wecom/to-incoming-event.js';
import { FakeClock } from '../../support/fake-clock.js';
import { cardClickXml, config, encryptCallback, fixture, sample } from './wecom-fixtures.js';

const received: IncomingEvent[] = [];
/** The card handles (response codes) the router kept, in order. */
const handles: CardClickHandle[] = [];
const logLines: Record<string, unknown>[] = [];
let server: Server;
let base: string;
// The fixtures' callbacks are signed at 2026-11-24T02:03:01Z (wecom-fixtures.ts).
const clock = new FakeClock(new Date('2026-11-24T02:00:00Z'));

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const sink = new Writable({ write: (chunk, _encoding, done) => (logLines.push(JSON.parse(String(chunk))), done()) });
  const seen = new Set<string>();
  const receive = async (event: IncomingEvent) => {
    received.push(event);
    return seen.has(event.dedupKey) ? 'duplicate' : (seen.add(event.dedupKey), 'accepted');
  };
  const saveCardHandle = async (handle: CardClickHandle) => {
    handles.push(handle);
  };
  const app = new Koa();
  app.use(createWecomRouter({ config, receive, saveCardHandle, logger: createLogger('debug', sink), clock }).routes());
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CALLBACK_PATH}`;
});

afterAll(() => {
  server.close();
  nock.enableNetConnect();
});

beforeEach(() => {
  clock.set('2026-11-24T02:00:00Z');
  received.length = 0;
  handles.length = 0;
  logLines.length = 0;
});

function post({ query, body }: { query: Record<string, string>; body: string }) {
  return fetch(`${base}?${new URLSearchParams(query)}`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
}

function lastRefusal() {
  return logLines.find((line) => line.msg === 'wecom callback refused');
}

describe('GET /wecom/callback (URL verification)', () => {
  it('answers the official sample with the decrypted echostr', async () => {
    const { answer, ...query } = sample.urlVerification;
    clock.set(new Date(Number(query.timestamp) * 1000));
    const response = await fetch(`${base}?${new URLSearchParams(query)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(answer);
  });

  it('refuses a tampered signature with 401', async () => {
    const { answer: _answer, ...query } = sample.urlVerification;
    const response = await fetch(`${base}?${new URLSearchParams({ ...query, nonce: '263014781' })}`);
    expect(response.status).toBe(401);
  });
});

describe('POST /wecom/callback', () => {
  it('hands a text message to the bot as one event and answers an empty 200', async () => {
    const response = await post(encryptCallback(fixture('text-message.xml')));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(received).toEqual([expect.objectContaining({ type: 'text', account: 'window', text: '帮助', dedupKey: 'msg:7412345678901234567' })]);
  });

  it('hands a card click over with its card and button, and keeps its response code for updating that card', async () => {
    await post(encryptCallback(cardClickXml('take', 'task:12')));
    expect(received).toEqual([expect.objectContaining({ type: 'card_action', account: 'zrzy.agent', cardKey: 'task:12', buttonId: 'take' })]);
    expect(handles).toEqual([
      { cardKey: 'task:12', account: 'zrzy.agent', handle: 'ZB8JAt3kB0ebcDdRjJBrkE0m8TXnP8WyR1p2UoGJaaQ', issuedAt: new Date('2026-11-24T02:03:00Z') },
    ]);
  });

  it('gives a replay of one MsgId three times the same key, so the database keeps one', async () => {
    const callback = encryptCallback(fixture('text-message.xml').replace('7412345678901234567', '7412345678901230001'));
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(callback)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(new Set(received.map((event) => event.dedupKey))).toEqual(new Set(['msg:7412345678901230001']));
    expect(logLines.filter((line) => line.outcome === 'duplicate')).toHaveLength(2);
  });

  it('answers automatic notifications without bothering the bot', async () => {
    expect((await post(encryptCallback(fixture('location-event.xml')))).status).toBe(200);
    expect(received).toEqual([]);
  });

  it('refuses a tampered signature with 401, logging the reason and the IP', async () => {
    const callback = encryptCallback(fixture('text-message.xml'));
    const response = await post({
      ...callback,
      query: { ...callback.query, msg_signature: callback.query.msg_signature.replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
    });
    expect(response.status).toBe(401);
    expect(received).toEqual([]);
    expect(handles).toEqual([]);
    expect(lastRefusal()).toMatchObject({ status: 401, reason: 'bad msg_signature', ip: '127.0.0.1' });
  });

  it('refuses a message encrypted for another CorpID with 400', async () => {
    const response = await post(encryptCallback(fixture('text-message.xml'), { receiveId: 'wwsomeoneelse00000' }));
    expect(response.status).toBe(400);
    expect(received).toEqual([]);
    expect(lastRefusal()).toMatchObject({ status: 400, reason: 'receive id is not our CorpID' });
  });

  it('refuses a body over 64 KB with 413 without reading it whole', async () => {
    const callback = encryptCallback(fixture('text-message.xml'));
    const response = await post({ ...callback, body: callback.body.replace('</xml>', `<Pad>${'x'.repeat(70_000)}</Pad></xml>`) });
    expect(response.status).toBe(413);
    expect(received).toEqual([]);
    expect(lastRefusal()).toMatchObject({ status: 413, ip: '127.0.0.1' });
  });

  it('refuses XML with a DOCTYPE and entities, outside or inside the encryption, with 400', async () => {
    const inside = await post(encryptCallback(fixture('entity-expansion.xml')));
    expect(inside.status).toBe(400);
    expect(lastRefusal()).toMatchObject({ reason: 'decrypted XML with a DOCTYPE or entity declaration' });
    const callback = encryptCallback(fixture('text-message.xml'));
    const outside = await post({ ...callback, body: `<!DOCTYPE xml [<!ENTITY a "b">]>${callback.body}` });
    expect(outside.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('refuses garbage with 400 and a missing signature with 401', async () => {
    expect((await post({ query: {}, body: 'hello' })).status).toBe(400);
    expect((await post({ query: {}, body: encryptCallback(fixture('text-message.xml')).body })).status).toBe(401);
    expect(received).toEqual([]);
  });
});
