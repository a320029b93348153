// The one token cache both API clients use (bot/wecom/create-wecom-api.ts, bot/dingtalk/create-dingtalk-api.ts):
// what a platform would notice is how often its token endpoint is called. Each client's test keeps one
// check that its calls go through the cache (single flight, a refused token fetched again).
import { describe, expect, it } from 'vitest';
import { createTokenCache, type FetchedToken } from '../../../bot/transport/create-token-cache.js';

function fakeClock() {
  let at = Date.parse('2026-11-24T09:00:00+08:00');
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

/** A token endpoint that counts its calls and answers T1, T2, … after `delayMs`. */
function tokenEndpoint(delayMs = 0, expiresInSeconds = 7200) {
  const endpoint = {
    calls: 0,
    fail: false,
    fetch: async (): Promise<FetchedToken> => {
      endpoint.calls += 1;
      const n = endpoint.calls;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (endpoint.fail) throw new Error('token endpoint down');
      return { token: `T${n}`, expiresInSeconds };
    },
  };
  return endpoint;
}

describe('createTokenCache', () => {
  it('fetches once for many concurrent callers (single flight)', async () => {
    const endpoint = tokenEndpoint(20);
    const cache = createTokenCache(endpoint.fetch);
    expect(await Promise.all(Array.from({ length: 5 }, () => cache.get()))).toEqual(['T1', 'T1', 'T1', 'T1', 'T1']);
    expect(endpoint.calls).toBe(1);
  });

  it('reuses the token until five minutes before it expires, then fetches a new one', async () => {
    const clock = fakeClock();
    const endpoint = tokenEndpoint();
    const cache = createTokenCache(endpoint.fetch, clock.now);
    expect(await cache.get()).toBe('T1');
    clock.advance(7200_000 - 6 * 60_000); // 6 minutes before expiry: still good
    expect(await cache.get()).toBe('T1');
    clock.advance(2 * 60_000); // within the last 5 minutes: refreshed
    expect(await cache.get()).toBe('T2');
    expect(endpoint.calls).toBe(2);
  });

  it('forgets a refused token, but not a newer one another call already fetched', async () => {
    const endpoint = tokenEndpoint();
    const cache = createTokenCache(endpoint.fetch);
    const first = await cache.get();
    cache.forget(first);
    expect(await cache.get()).toBe('T2');
    // A late refusal of the old token must not throw away the fresh one.
    cache.forget(first);
    expect(await cache.get()).toBe('T2');
    expect(endpoint.calls).toBe(2);
  });

  it('caches nothing from a failed fetch: the next call asks again', async () => {
    const endpoint = tokenEndpoint();
    endpoint.fail = true;
    const cache = createTokenCache(endpoint.fetch);
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow('token endpoint down');
    expect(endpoint.calls).toBe(1);
    endpoint.fail = false;
    expect(await cache.get()).toBe('T2');
  });
});
