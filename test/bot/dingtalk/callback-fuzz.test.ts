// Fuzzes DingTalk's two ways in, through the real server and transport on a test database, with
// validly signed payloads mutated from a seeded PRNG (generate-dingtalk-fuzz.ts): HTTP-mode
// callbacks (each signed at its own millisecond) and Stream-mode frames from a local gateway,
// some with absurd frame times, ids and data. What the platform would notice: never a 5xx or a
// dropped connection, every push acked, no error logged, nothing stored but clean events, and
// /healthz still answering. FUZZ_SEED=<n> replays a run.
import { Agent, request } from 'node:http';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_PATH } from '../../../bot/dingtalk/create-dingtalk-router.js';
import { createDingtalkTransport } from '../../../bot/dingtalk/create-dingtalk-transport.js';
import { TOPIC_CARD, TOPIC_ROBOT } from '../../../bot/dingtalk/receive-push.js';
import { signCallback } from '../../support/sign-dingtalk-callback.js';
import type { Transport } from '../../../bot/transport/transport.js';
import { config, recordingLogger } from './dingtalk-fixtures.js';
import { startFakeGateway, waitFor } from './fake-stream-gateway.js';
import { createDingtalkFuzzer } from './generate-dingtalk-fuzz.js';
import { startDingtalkCallbackServer, type DingtalkCallbackServer } from './start-dingtalk-callback-server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const HTTP_REQUESTS = 2_700;
const STREAM_FRAMES = 2_400;
const CONCURRENCY = 8;

let server: DingtalkCallbackServer;
let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
let transport: Transport;
const streamLog = recordingLogger('info');
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const fuzzer = createDingtalkFuzzer(SEED);
const statuses: (number | string)[] = [];
const frameIds: string[] = [];

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  process.on('unhandledRejection', onUnhandled);
  server = await startDingtalkCallbackServer();
  gateway = await startFakeGateway();
  gateway.serveGateway();
  transport = createDingtalkTransport(config, {
    prisma: server.database.prisma,
    clock: server.clock,
    logger: streamLog.logger,
    stream: { backoff: { baseMs: 50, maxMs: 200 }, random: () => 0 },
  });
  await transport.start!(server.app.receive);
  await waitFor(() => gateway.connections.length === 1);
}, 60_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  agent.destroy();
  await transport?.stop?.();
  await gateway?.close();
  await server?.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

function post(body: string, timestamp: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: CALLBACK_PATH,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          timestamp,
          sign: signCallback(config.clientSecret, timestamp),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 'no status'));
        res.on('error', (error) => resolve(`response ${error.message}`));
      },
    );
    req.on('error', (error) => resolve(`request ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    req.end(body);
  });
}

describe(`DingTalk under ${HTTP_REQUESTS} signed HTTP callbacks and ${STREAM_FRAMES} Stream pushes, mutated (seed ${SEED})`, () => {
  beforeAll(async () => {
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < HTTP_REQUESTS) {
        sent += 1;
        // Each request at its own millisecond: a pair carries one body (claim-callback-sign.ts).
        const timestamp = String(server.clock.now().getTime() - sent);
        const { data } = fuzzer.next();
        statuses.push(await post(JSON.stringify(data), timestamp));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const socket = gateway.connections[0]!.socket;
    const { random, nastyString, nastyValue } = fuzzer;
    for (let i = 0; i < STREAM_FRAMES; i++) {
      const { card, data } = fuzzer.next();
      const messageId = random.chance(0.1) ? nastyString() : `frame-${i}`;
      const time = random.chance(0.1) ? nastyValue() : String(server.clock.now().getTime());
      frameIds.push(messageId);
      const headers = { appId: 'a1b2c3', connectionId: 'conn-1', contentType: 'application/json', messageId, time, topic: card ? TOPIC_CARD : TOPIC_ROBOT };
      socket.send(JSON.stringify({ specVersion: '1.0', type: 'CALLBACK', headers, data: random.chance(0.03) ? nastyString() : JSON.stringify(data) }));
      if (i % 200 === 199) await waitFor(() => gateway.replies.length >= i + 1, 20_000);
    }
    await waitFor(() => gateway.replies.length >= STREAM_FRAMES, 20_000);
    // stop() waits for the pushes still being recorded.
    await transport.stop!();
  }, 120_000);

  it('answers every HTTP callback with a status below 500, and drops no connection', () => {
    expect(statuses).toHaveLength(HTTP_REQUESTS);
    expect(statuses.filter((status) => typeof status !== 'number' || status >= 500).slice(0, 10)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200, 400]));
  });

  it('acks every Stream push', () => {
    expect(gateway.replies).toHaveLength(STREAM_FRAMES);
    expect(gateway.replies.every((reply) => reply.code === 200)).toBe(true);
  });

  it("stores only clean events from senders of DingTalk's shape", async () => {
    const rows = await server.database.prisma.inbound.findMany();
    expect(rows.length).toBeGreaterThan(500);
    const events = rows.map((row) => row.event as { account: string; text?: string; input?: string });
    // A mutation may leave a sender's id longer or shorter, never outside DingTalk's userId shape.
    expect(events.map((event) => event.account).filter((account) => !/^[A-Za-z0-9._@$-]{1,64}$/.test(account))).toEqual([]);
    // eslint-disable-next-line no-control-regex
    const noise = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(events.filter((event) => noise.test(event.text ?? '') || noise.test(event.input ?? '')).slice(0, 3)).toEqual([]);
  });

  it('logs no error and leaves no unhandled rejection', () => {
    expect([...server.logs, ...streamLog.lines].filter((line) => (line.level as number) >= 50).slice(0, 5)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it('still answers /healthz', async () => {
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });
});
