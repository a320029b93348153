// Hostile input at the WeCom callback endpoint, through the real server and error boundary, with
// the bot's real `receive` on a test database: every refusal is a 4xx with one warn line giving
// its reason (no stack), and nothing unstorable or unsigned reaches the Inbound table.
import { request } from 'node:http';
import { getSignature } from '@wecom/crypto';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCallbackServer, type CallbackServer } from './start-callback-server.js';
import { encryptCallback, fixture, sample } from './wecom-fixtures.js';

let server: CallbackServer;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startCallbackServer();
});

afterAll(async () => {
  await server.close();
  nock.enableNetConnect();
});

beforeEach(async () => {
  server.logs.length = 0;
  server.clock.set('2026-11-24T02:00:00Z');
  await server.database.prisma.inbound.deleteMany();
});

function post(query: Record<string, string>, body: string) {
  return fetch(`${server.callbackUrl}?${new URLSearchParams(query)}`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
}

/** Posts plain XML encrypted and signed as WeCom would. */
function postSigned(xml: string) {
  const { query, body } = encryptCallback(xml);
  return post(query, body);
}

/** The one refusal logged for the last request; fails on any error-level line or stack. */
function refusal() {
  expect(server.logs.filter((line) => line.level >= 50)).toEqual([]);
  expect(JSON.stringify(server.logs)).not.toContain('"stack"');
  return server.logs.find((line) => line.msg === 'wecom callback refused');
}

const text = (content: string, from = 'window', msgId = '7412345678901234567') =>
  fixture('text-message.xml')
    .replace('<![CDATA[帮助]]>', `<![CDATA[${content}]]>`)
    .replace('<![CDATA[window]]>', `<![CDATA[${from}]]>`)
    .replace('7412345678901234567', msgId);

describe('XML the validator passes and the parser chokes on', () => {
  it("refuses <![CDATA misspelt as <!'CDATA with 400 and a warn line", async () => {
    const response = await post({}, "<xml><AgentID><!'CDATA[1]]></AgentID></xml>");
    expect(response.status).toBe(400);
    expect(refusal()).toMatchObject({ level: 40, status: 400, reason: expect.stringMatching(/^malformed XML/) });
  });

  it('refuses the same inside a correctly signed and encrypted message with 400', async () => {
    const response = await postSigned("<xml><AgentID><!'CDATA[1]]></AgentID></xml>");
    expect(response.status).toBe(400);
    expect(refusal()).toMatchObject({ status: 400, reason: expect.stringMatching(/^decrypted malformed XML/) });
  });
});

describe('signatures', () => {
  it('refuses the right signature with a 41st hex digit, which a hex decoder would drop', async () => {
    const { query, body } = encryptCallback(fixture('text-message.xml'));
    const response = await post({ ...query, msg_signature: `${query.msg_signature}0` }, body);
    expect(response.status).toBe(401);
    expect(refusal()).toMatchObject({ status: 401, reason: 'bad msg_signature' });
    expect(await server.database.prisma.inbound.count()).toBe(0);
  });
});

describe('a chunked body over 64 KB', () => {
  it('is refused with 413 and a logged reason, not a 500', async () => {
    const { query } = encryptCallback(fixture('text-message.xml'));
    const { status, body } = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/wecom/callback?${new URLSearchParams(query)}` }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk)).on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
      for (let i = 0; i < 100; i += 1) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({ error: 'body is over the 65536-byte limit' });
    expect(refusal()).toMatchObject({ status: 413, ip: '127.0.0.1' });
    expect(await fetch(`${server.base}/healthz`).then((response) => response.status)).toBe(200);
  });
});

describe('control characters in a signed message', () => {
  it('strips them from Content and stores the message', async () => {
    const response = await postSigned(text('帮\u0000助\u0007\tok\n'));
    expect(response.status).toBe(200);
    const rows = await server.database.prisma.inbound.findMany();
    expect(rows.map((row) => row.event)).toEqual([expect.objectContaining({ account: 'window', text: '帮助\tok\n' })]);
  });

  it.each([
    ['a NUL in FromUserName', text('帮助', 'win\u0000dow')],
    ['an escape in FromUserName', text('帮助', 'win\u001bdow')],
    ['a NUL in ToUserName', text('帮助').replace('wx5823bf96d3bd56c7', 'wx5823\u0000')],
    ['a NUL in an event key', fixture('template-card-event.xml').replace('take:12', 'take:\u000012')],
  ])('refuses %s with 400 and stores nothing', async (_, xml) => {
    const response = await postSigned(xml);
    expect(response.status).toBe(400);
    expect(refusal()).toMatchObject({ status: 400, reason: expect.stringMatching(/^decrypted control character in <\w+>$/) });
    expect(await server.database.prisma.inbound.count()).toBe(0);
  });
});

describe('identifiers too long to index', () => {
  it('refuses a card click whose keys add up past the index limit with 400, not 500', async () => {
    const cjk = (length: number, from: number) => Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + from + i * 7)).join('');
    const xml = fixture('template-card-event.xml').replace('take:12', cjk(1000, 0)).replace('ZB8JAt3kB0ebcDdRjJBrkE0m8TXnP8WyR1p2UoGJaaQ', cjk(1000, 9000));
    const response = await postSigned(xml);
    expect(response.status).toBe(400);
    expect(refusal()).toMatchObject({ status: 400, reason: 'message identifiers over 2048 bytes' });
    expect(await server.database.prisma.inbound.count()).toBe(0);
  });
});

describe('callback timestamps', () => {
  const signedAt = (timestamp: string) => encryptCallback(fixture('text-message.xml'), { timestamp });

  it.each([
    ['zero', '0', 401],
    ['negative', '-5', 400],
    ['not a number', 'abc', 400],
    ['in the year 2100', String(Date.UTC(2100, 0, 1) / 1000), 401],
    ['two hours old', String(Date.UTC(2026, 10, 24, 0, 0) / 1000), 401],
    ['two hours ahead', String(Date.UTC(2026, 10, 24, 4, 0) / 1000), 401],
  ])('refuses a signed callback whose timestamp is %s', async (_, timestamp, status) => {
    const { query, body } = signedAt(timestamp);
    const response = await post(query, body);
    expect(response.status).toBe(status);
    expect(refusal()).toMatchObject({ status, reason: expect.stringMatching(/^timestamp /) });
    expect(await server.database.prisma.inbound.count()).toBe(0);
  });

  it('accepts one 50 minutes off the clock (drift and retries)', async () => {
    const { query, body } = signedAt(String(Date.UTC(2026, 10, 24, 2, 50) / 1000));
    expect((await post(query, body)).status).toBe(200);
    expect(await server.database.prisma.inbound.count()).toBe(1);
  });

  it('refuses a stale URL verification too', async () => {
    const timestamp = String(Date.UTC(2026, 0, 1) / 1000);
    const { query, body } = encryptCallback('1616140317555161061', { timestamp });
    const echostr = /CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(body)![1]!;
    const signature = getSignature(sample.token, timestamp, query.nonce, echostr);
    const response = await fetch(`${server.callbackUrl}?${new URLSearchParams({ ...query, msg_signature: signature, echostr })}`);
    expect(response.status).toBe(401);
    expect(refusal()).toMatchObject({ reason: expect.stringMatching(/^timestamp is \d+ s old/) });
  });
});

describe('a caller that hangs up mid-body', () => {
  it('is one info line without a stack, not an error', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/wecom/callback', headers: { 'content-length': '1000' } });
      req.on('error', () => {});
      req.write('<xml>');
      setTimeout(() => req.destroy(), 50);
      setTimeout(resolve, 300);
    });
    expect(server.logs.filter((line) => line.level >= 40)).toEqual([]);
    expect(server.logs).toContainEqual(expect.objectContaining({ level: 30, msg: 'client went away mid-request', ip: '127.0.0.1' }));
    expect(JSON.stringify(server.logs)).not.toContain('"stack"');
  });
});
