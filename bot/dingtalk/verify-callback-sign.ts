// Checks an HTTP-mode callback (机器人接收消息 → 校验请求): headers `timestamp` (milliseconds)
// and `sign` = base64(HMAC-SHA256(key = AppSecret, timestamp + "\n" + AppSecret)). A timestamp
// more than an hour from our clock is refused, so a captured request cannot be replayed later.
// Pure, with the clock passed in, and compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_MS = 60 * 60_000;

export type SignCheck = { ok: true } | { ok: false; reason: string };

export function verifyCallbackSign({
  appSecret,
  timestamp,
  sign,
  nowMs,
}: {
  appSecret: string;
  timestamp: string | undefined;
  sign: string | undefined;
  nowMs: number;
}): SignCheck {
  if (!timestamp || !sign) return { ok: false, reason: 'missing timestamp or sign header' };
  if (!/^\d{10,16}$/.test(timestamp)) return { ok: false, reason: 'timestamp is not in milliseconds' };
  if (Math.abs(nowMs - Number(timestamp)) > MAX_SKEW_MS) return { ok: false, reason: 'timestamp more than an hour off' };
  const expected = createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`).digest();
  const given = Buffer.from(sign, 'base64');
  // A wrong length (or text that is not base64, which decodes short) fails here without comparing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad sign' };
  return { ok: true };
}
