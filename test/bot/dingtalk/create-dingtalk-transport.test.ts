// What bot/main.ts sees of each mode: Stream mode keeps a connection (start/stop/health) and
// has no route; HTTP mode has the callback route and nothing to start.
import { describe, expect, it } from 'vitest';
import { createDingtalkTransport } from '../../../bot/dingtalk/create-dingtalk-transport.js';
import { DINGTALK_LIMITS } from '../../../bot/dingtalk/create-dingtalk-messenger.js';
import type { Db } from '../../../prisma/open-database.js';
import { config, recordingLogger } from './dingtalk-fixtures.js';

const deps = () => ({ prisma: undefined as unknown as Db, clock: { now: () => new Date() }, logger: recordingLogger().logger });

describe('createDingtalkTransport', () => {
  it('in Stream mode: starts a connection, reports health, no HTTP route', () => {
    const transport = createDingtalkTransport(config, deps());
    expect(transport.platform).toBe('dingtalk');
    expect(transport.messenger.platform).toBe('dingtalk');
    expect(transport.messenger.limits).toEqual(DINGTALK_LIMITS);
    expect(typeof transport.start).toBe('function');
    expect(transport.health?.()).toBeNull();
    expect(transport.routes).toBeUndefined();
    expect(typeof transport.fetchDirectory).toBe('function');
  });

  it('in HTTP mode: serves POST /dingtalk/callback and starts nothing', () => {
    const transport = createDingtalkTransport({ ...config, mode: 'http' }, deps());
    expect(transport.start).toBeUndefined();
    const router = transport.routes!(async () => 'accepted');
    expect(router.stack.map((layer) => [layer.methods.includes('POST'), layer.path])).toEqual([[true, '/dingtalk/callback']]);
  });
});
