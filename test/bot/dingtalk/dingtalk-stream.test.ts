// Stream mode end to end against a local gateway: pushes are acked at once and reach the bot once,
// the connection survives the server's disconnect notice, a dropped socket and a silent one, and
// health() reports a connection that stays down.
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDingtalkTransport } from '../../../bot/dingtalk/create-dingtalk-transport.js';
import { TOPIC_CARD, TOPIC_ROBOT } from '../../../bot/dingtalk/receive-push.js';
import type { IncomingEvent } from '../../../core/messages.js';
import type { Transport } from '../../../bot/transport/transport.js';
import type { Db } from '../../../prisma/open-database.js';
import { config, jsonFixture, recordingLogger, recordingReceive } from './dingtalk-fixtures.js';
import { startFakeGateway, waitFor } from './fake-stream-gateway.js';

const robotMessage = (msgId: string, content: string) => ({ ...jsonFixture('robot-text-message.json'), msgId, text: { content } });
let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
let transport: Transport;
let bot: ReturnType<typeof recordingReceive>;
let log: ReturnType<typeof recordingLogger>;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

beforeEach(async () => {
  gateway = await startFakeGateway();
  bot = recordingReceive();
  log = recordingLogger();
});

afterEach(async () => {
  await transport?.stop?.();
  await gateway.close();
  nock.cleanAll();
});

function start(
  stream: Parameters<typeof createDingtalkTransport>[1]['stream'] = {},
  receive: (event: IncomingEvent) => Promise<'accepted' | 'duplicate'> = bot.receive,
) {
  transport = createDingtalkTransport(config, {
    // The messenger is not used here.
    prisma: undefined as unknown as Db,
    clock: { now: () => new Date() },
    logger: log.logger,
    stream: { backoff: { baseMs: 50, maxMs: 200 }, random: () => 0, ...stream },
  });
  return transport.start!(receive);
}

const ackFor = (messageId: string) => gateway.replies.find((reply) => reply.headers.messageId === messageId);
const texts = () => bot.recorded().map((event) => (event.type === 'text' ? event.text : event.type));

describe('dingtalk stream', () => {
  it('subscribes to the robot and card topics, acks each push and hands it to the bot', async () => {
    gateway.serveGateway();
    await start();
    await waitFor(() => gateway.connections.length === 1);
    expect(gateway.opened[0]).toMatchObject({
      clientId: config.clientId,
      subscriptions: [
        { type: 'CALLBACK', topic: TOPIC_ROBOT },
        { type: 'CALLBACK', topic: TOPIC_CARD },
      ],
    });
    expect(gateway.connections[0]!.ticket).toBe('ticket-1');

    gateway.push(TOPIC_ROBOT, 'm-1', jsonFixture('robot-text-message.json'));
    gateway.push(TOPIC_CARD, 'm-2', jsonFixture('card-callback.json'));
    await waitFor(() => bot.calls.length === 2 && ackFor('m-2') !== undefined);
    expect(ackFor('m-1')).toMatchObject({ code: 200, data: JSON.stringify({ response: {} }) });
    expect(ackFor('m-2')).toMatchObject({ code: 200 });
    expect(bot.recorded()).toEqual([
      expect.objectContaining({ type: 'text', account: 'zhou.zrzy', text: '报到 T34', dedupKey: 'msg:msgfGBWyOQ7N2eLqPc9v8aU5g==' }),
      expect.objectContaining({ type: 'card_action', account: 'zhou.zrzy', cardKey: 'task:34', buttonId: 'take', dedupKey: 'card:m-2' }),
    ]);
  });

  it('acks before the bot has recorded the push', async () => {
    gateway.serveGateway();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await start({}, async (event) => {
      await gate;
      return bot.receive(event);
    });
    await waitFor(() => gateway.connections.length === 1);
    gateway.push(TOPIC_ROBOT, 'm-slow', jsonFixture('robot-text-message.json'));
    await waitFor(() => ackFor('m-slow') !== undefined);
    expect(bot.calls).toEqual([]);
    release();
    await waitFor(() => bot.calls.length === 1);
  });

  it('records a redelivered push once', async () => {
    gateway.serveGateway();
    await start();
    await waitFor(() => gateway.connections.length === 1);
    gateway.push(TOPIC_ROBOT, 'm-1', robotMessage('msgA', '进度'));
    gateway.push(TOPIC_ROBOT, 'm-1', robotMessage('msgA', '进度'));
    await waitFor(() => bot.calls.length === 2);
    expect(texts()).toEqual(['进度']);
  });

  it('answers the server pings', async () => {
    gateway.serveGateway();
    await start();
    await waitFor(() => gateway.connections.length === 1);
    gateway.ping('ping-1');
    await waitFor(() => ackFor('ping-1') !== undefined);
    expect(ackFor('ping-1')).toMatchObject({ code: 200, headers: { topic: 'ping' } });
  });

  it("on the server's disconnect notice, destroys the old socket and opens a new one at once", async () => {
    gateway.serveGateway();
    await start();
    await waitFor(() => gateway.connections.length === 1);
    gateway.push(TOPIC_ROBOT, 'm-1', robotMessage('msgA', '第一条'));
    gateway.disconnect();
    await waitFor(() => gateway.connections.length === 2 && gateway.connections[0]!.closed);
    expect(gateway.connections[1]!.ticket).toBe('ticket-2');
    gateway.push(TOPIC_ROBOT, 'm-2', robotMessage('msgB', '第二条'));
    await waitFor(() => bot.recorded().length === 2);
    expect(texts()).toEqual(['第一条', '第二条']);
    expect(gateway.connections.filter((connection) => !connection.closed)).toHaveLength(1);
  });

  it('reconnects after a dropped connection and loses nothing: a redelivery is a duplicate', async () => {
    gateway.serveGateway();
    await start();
    await waitFor(() => gateway.connections.length === 1);
    gateway.push(TOPIC_ROBOT, 'm-1', robotMessage('msgA', '第一条'));
    await waitFor(() => bot.calls.length === 1);
    gateway.drop();
    await waitFor(() => gateway.connections.length === 2);
    // DingTalk redelivers what it was not sure of, and goes on.
    gateway.push(TOPIC_ROBOT, 'm-1', robotMessage('msgA', '第一条'));
    gateway.push(TOPIC_ROBOT, 'm-3', robotMessage('msgC', '第三条'));
    await waitFor(() => bot.calls.length === 3);
    expect(texts()).toEqual(['第一条', '第三条']);
    expect(log.lines.some((line) => line.msg === 'dingtalk stream connection dropped' && line.reason === 'socket closed')).toBe(true);
  });

  it('backs off further when each new connection is closed at once (no tight loop)', async () => {
    gateway.serveGateway();
    await start();
    for (let n = 1; n <= 3; n++) {
      await waitFor(() => gateway.connections.length === n && !gateway.connections[n - 1]!.closed);
      // Let the client see the open before the server closes it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      gateway.drop();
    }
    await waitFor(() => gateway.connections.length === 4);
    const delays = log.lines.filter((line) => line.msg === 'dingtalk stream reconnecting').map((line) => line.retryInMs);
    expect(delays).toEqual([25, 50, 100]);
  });

  it('replaces a silent socket', async () => {
    gateway.serveGateway();
    await start({ silentAfterMs: 300 });
    await waitFor(() => gateway.connections.length === 1);
    gateway.silence();
    await waitFor(() => gateway.connections.length === 2);
    expect(log.lines.some((line) => String(line.reason).startsWith('silent for more than 300 ms'))).toBe(true);
    gateway.push(TOPIC_ROBOT, 'm-9', robotMessage('msgZ', '还在'));
    await waitFor(() => bot.calls.length === 1);
  });

  it('retries a failing gateway with backoff, and health() reports a connection down too long', async () => {
    gateway.serveGateway({ fail: 2 });
    await start({ backoff: { baseMs: 200, maxMs: 400 }, downAlertMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(transport.health!()).toMatch(/^dingtalk stream connection down for \d+ s$/);
    // The server sees the connection a moment before the client's `open` event.
    await waitFor(() => gateway.connections.length === 1 && transport.health!() === null);
    const failures = log.lines.filter((line) => line.msg === 'dingtalk stream connection failed');
    expect(failures.map((line) => line.retryInMs)).toEqual([100, 200]);
    // The gateway call carries the AppSecret; its failures are logged without it.
    expect(JSON.stringify(log.lines)).not.toContain(config.clientSecret);
  });
});
