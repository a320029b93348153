// Fuzzes the WeCom callback endpoint through the real server (createServer, its error boundary,
// the callback router, the bot's `receive` on a test database) with requests generated from a
// seeded PRNG (generate-fuzz-requests.ts): bad XML, DOCTYPEs and entities, bad base64, wrong and
// missing signatures, stale and absurd timestamps, huge, empty and chunked bodies, control
// characters, content types, unicode tricks, and mutations of correctly signed messages.
// What a caller would notice: never a 5xx or a dropped connection, never a row from a request
// that was not signed, the health check still answering afterwards. FUZZ_SEED=<n> replays a run.
import { Agent, request } from 'node:http';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzer, FUZZ_NOW_SECONDS, type FuzzRequest } from './generate-fuzz-requests.js';
import { startCallbackServer, type CallbackServer } from './start-callback-server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const REQUESTS = 5_200;
const CONCURRENCY = 16;

let server: CallbackServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  process.on('unhandledRejection', onUnhandled);
  server = await startCallbackServer();
  server.clock.set(new Date(FUZZ_NOW_SECONDS * 1000));
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  agent.destroy();
  await server.close();
  nock.enableNetConnect();
});

function send(fuzz: FuzzRequest): Promise<number | string> {
  return new Promise((resolve) => {
    const size = fuzz.body.reduce((sum, chunk) => sum + chunk.length, 0);
    const headers = fuzz.chunked || fuzz.method === 'GET' ? fuzz.headers : { ...fuzz.headers, 'content-length': String(size) };
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.port,
        method: fuzz.method,
        path: `/wecom/callback?${fuzz.query.replace(/[^\x21-\x7e]/g, encodeURIComponent)}`,
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 'no status'));
        res.on('error', (error) => resolve(`response ${error.message}`));
      },
    );
    req.on('error', (error) => resolve(`request ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    for (const chunk of fuzz.body) req.write(chunk);
    req.end();
  });
}

describe(`the callback endpoint under ${REQUESTS} hostile requests (seed ${SEED})`, () => {
  const outcomes: { kind: string; status: number | string }[] = [];
  const mayStore = new Set<string>();

  beforeAll(async () => {
    const fuzzer = createFuzzer(SEED);
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < REQUESTS) {
        sent += 1;
        const fuzz = fuzzer.next();
        if (fuzz.mayStore) mayStore.add(fuzz.mayStore);
        outcomes.push({ kind: fuzz.kind, status: await send(fuzz) });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }, 120_000);

  it('answers every one with a status below 500, and drops no connection', () => {
    expect(outcomes).toHaveLength(REQUESTS);
    const failures = outcomes.filter((outcome) => typeof outcome.status !== 'number' || outcome.status >= 500);
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('both refuses and accepts: the generator reaches past the signature check', () => {
    const statuses = new Set(outcomes.map((outcome) => outcome.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400, 401, 413]));
  });

  it('stores rows only for correctly signed, fresh messages', async () => {
    const rows = await server.database.prisma.inbound.findMany();
    expect(rows.length).toBeGreaterThan(100);
    const strays = rows.map((row) => (row.event as { account: string }).account).filter((account) => !mayStore.has(/^fz\d+/.exec(account)?.[0] ?? account));
    expect(strays).toEqual([]);
  });

  it('logs no error and leaves no unhandled rejection', () => {
    expect(server.logs.filter((line) => line.level >= 50).slice(0, 5)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it('still answers /healthz', async () => {
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });
});
