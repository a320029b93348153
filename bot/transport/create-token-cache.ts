// The access token of a platform API, cached for every call (WeCom 获取access_token, DingTalk
// 获取企业内部应用的accessToken: both ask callers to cache it and not to fetch it per call). It is kept
// until REFRESH_EARLY_MS before it expires, since neither promises its exact expiry, and fetched by one
// request at a time however many calls need it (single flight). A call the platform refuses for a bad or
// expired token forgets the token it used — only that one: another call may already have refreshed it.

/** Both platforms' tokens live 7,200 s; a token this close to its end is fetched again. */
export const REFRESH_EARLY_MS = 5 * 60_000;

export interface FetchedToken {
  token: string;
  /** What the platform says the token lives (expires_in, expireIn). */
  expiresInSeconds: number;
}

export interface TokenCache {
  /** The cached token, or a new one fetched by a single request shared with every concurrent caller. */
  get(): Promise<string>;
  /** The platform refused `used`: forget it, unless a newer token has replaced it already. */
  forget(used: string): void;
}

/** `now`: milliseconds since the epoch; tests move it to expire the token. A failed fetch caches nothing. */
export function createTokenCache(fetchToken: () => Promise<FetchedToken>, now: () => number = Date.now): TokenCache {
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const { token, expiresInSeconds } = await fetchToken();
    cached = { token, expiresAt: now() + expiresInSeconds * 1000 - REFRESH_EARLY_MS };
    return token;
  }

  return {
    get() {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
      inflight ??= refresh().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    forget(used) {
      if (cached?.token === used) cached = null;
    },
  };
}
