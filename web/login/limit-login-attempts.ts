// Login attempts per IP, counted in memory per instance (a fixed window): enough to stop guessing
// one-time links or replaying codes from one address; with N instances an IP gets at most N × the
// limit, which the 32-byte tokens and WeCom's and DingTalk's single-use codes make harmless.
export const LOGIN_ATTEMPTS_PER_WINDOW = 20;
const WINDOW_MS = 10 * 60_000;

export function createLoginLimiter(limit = LOGIN_ATTEMPTS_PER_WINDOW, windowMs = WINDOW_MS) {
  const windows = new Map<string, { start: number; count: number }>();
  /** Counts one attempt from `ip`; false when it is over the limit. */
  return function allow(ip: string, now: number): boolean {
    if (windows.size > 10_000) for (const [key, value] of windows) if (now - value.start >= windowMs) windows.delete(key);
    const window = windows.get(ip);
    if (!window || now - window.start >= windowMs) {
      windows.set(ip, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= limit;
  };
}
