// What an independent probe sent DingTalk's HTTP callback, each validly signed, and got a 500 for
// (createAt 9e15, NUL in an id, a lone surrogate in the text or the sender): now each is stored
// with its noise stripped, or refused with a 4xx and a logged reason — never a 5xx — and the
// text is cleaned as WeCom's is, so a message reads the same whichever platform it came from.
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallback } from '../../support/sign-dingtalk-callback.js';
import { config, fixture } from './dingtalk-fixtures.js';
import { startDingtalkCallbackServer, type DingtalkCallbackServer } from './start-dingtalk-callback-server.js';

let server: DingtalkCallbackServer;
let serial = 0;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startDingtalkCallbackServer();
});

afterAll(async () => {
  await server.close();
  nock.enableNetConnect();
});

const robot = (overrides: Record<string, unknown>) =>
  JSON.stringify({ ...JSON.parse(fixture('robot-text-message.json')), msgId: `m-${++serial}`, ...overrides });
const card = (overrides: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(fixture('card-callback.json')), ...overrides });
/** Each request signed at its own millisecond, as DingTalk signs them. */
const post = (body: string) => {
  const timestamp = String(server.clock.now().getTime() - ++serial);
  return server.post(body, { timestamp, sign: signCallback(config.clientSecret, timestamp) });
};
const stored = async (msgId: string) =>
  (await server.database.prisma.inbound.findFirst({ where: { dedupKey: `msg:${msgId}` } }))?.event as { text?: string } | undefined;

describe('validly signed DingTalk payloads the probe answered with 500', () => {
  it.each([
    ['createAt 9e15', robot({ createAt: 9e15 })],
    ['NUL in senderStaffId', robot({ senderStaffId: 'zhou\u0000zrzy' })],
    ['NUL in msgId', robot({ msgId: 'm\u0000x' })],
    ['a lone surrogate in the sender', robot({ senderStaffId: 'zhou\ud800' })],
    ["NUL in a card's userId", card({ userId: 'zhou\u0000' })],
    ["a lone surrogate in a card's button", card({ content: JSON.stringify({ cardPrivateData: { actionIds: [], params: { buttonId: 'take\udc00' } } }) })],
  ])('refuses %s with 400 and a logged reason, storing nothing', async (_case, body) => {
    const before = await server.database.prisma.inbound.count();
    expect(await post(body)).toBe(400);
    expect(await server.database.prisma.inbound.count()).toBe(before);
    expect(server.logs.at(-1)).toMatchObject({ level: 40, msg: expect.stringMatching(/refused/) });
  });

  it('stores a text with NUL, C1 controls and lone surrogates as the words alone, as WeCom does', async () => {
    expect(await post(robot({ msgId: 'noisy', text: { content: '帮\u0000助\u0085\ud800\u0007' } }))).toBe(200);
    expect((await stored('noisy'))?.text).toBe('帮助');
    // Tabs, line breaks and a real astral character are text: kept.
    expect(await post(robot({ msgId: 'plain', text: { content: '进度\tP1\n😀' } }))).toBe(200);
    expect((await stored('plain'))?.text).toBe('进度\tP1\n😀');
  });

  it('logs no error and still answers /healthz', async () => {
    expect(server.logs.filter((line) => line.level >= 50)).toEqual([]);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });
});
