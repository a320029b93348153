// Who may use the local chat: only a caller whose TCP connection comes from this machine, whatever
// X-Forwarded-For says, even behind TRUST_PROXY=1. A caller from elsewhere is played by a context
// whose socket names another address: tests send traffic to loopback only.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.js';
import { createLocalTransport } from '../../../bot/local/create-local-transport.js';
import { loopbackOnly } from '../../../bot/local/local-chat-routes.js';
import { createLogger } from '../../../core/logger.js';
import { createServer } from '../../../bot/server.js';
import { defaultPolicy } from '../../../domain/policy.js';
import type { Database } from '../../../prisma/open-database.js';
import { FakeClock } from '../../support/fake-clock.js';
import { openTestDatabase } from '../../support/test-database.js';

const outside = '203.0.113.9';

/** The local chat's guard, as a request from `peer` carrying `headers` meets it. */
async function guard(peer: string, headers: Record<string, string> = {}): Promise<number> {
  const ctx = {
    req: { socket: { remoteAddress: peer } },
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    throw: (status: number, message: string) => {
      throw Object.assign(new Error(message), { status });
    },
  };
  try {
    await loopbackOnly(ctx as never, async () => undefined);
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

let database: Database;
let server: Server;
let port: number;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
  const sink = new Writable({ write: (chunk, _encoding, done) => (logs.push(JSON.parse(String(chunk))), done()) });
  const logger = createLogger('info', sink);
  const local = createLocalTransport(database.prisma, mkdtempSync(join(tmpdir(), 'xmgj-files-')), clock);
  const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger, messengers: [local.messenger] });
  // TRUST_PROXY=1: Koa's ctx.ip believes X-Forwarded-For, which is what an attacker would use.
  server = createServer(database.prisma, logger, [local.routes!(app.receive)], true).listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await database.close();
});

beforeEach(async () => {
  logs.length = 0;
  await database.prisma.inbound.deleteMany();
});

function say(host: string, headers: Record<string, string> = {}) {
  return fetch(`http://${host}:${port}/local/say`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ as: 'admin', text: '帮助' }),
  });
}

const refusals = () => logs.filter((line) => line.msg === 'request refused');

describe('the local chat', () => {
  it('answers a caller on this machine', async () => {
    expect((await say('127.0.0.1')).status).toBe(202);
    expect(await database.prisma.inbound.count()).toBe(1);
  });

  it('refuses a caller from elsewhere, even claiming X-Forwarded-For: 127.0.0.1', async () => {
    expect(await guard(outside, { 'x-forwarded-for': '127.0.0.1' })).toBe(403);
    expect(await guard(outside)).toBe(403);
    expect(await guard('::ffff:127.0.0.1')).toBe(200);
    expect(await guard('127.0.0.5')).toBe(200);
  });

  it('refuses a request relayed by a proxy on this machine', async () => {
    const response = await say('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' });
    expect(response.status).toBe(403);
    expect(refusals()).toEqual([expect.objectContaining({ status: 403, reason: 'the local chat answers no request relayed by a proxy' })]);
    expect(await database.prisma.inbound.count()).toBe(0);
  });
});
