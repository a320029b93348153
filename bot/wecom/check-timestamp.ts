// Refuses a callback whose `timestamp` query parameter is not WeCom's idea of "now". WeCom signs
// the timestamp with the message (加解密方案说明 → 消息体签名校验), so a captured callback can be
// replayed with its signature intact for ever unless its age is bounded. One hour leaves room for
// clock drift and for WeCom's retries (回调配置: three retries within seconds of the first try).
/** Why a callback is refused, as bot/wecom/open-callback.ts answers it. */
export type Refusal = { ok: false; status: 400 | 401; reason: string };

export const TIMESTAMP_TOLERANCE_SECONDS = 60 * 60;

/** `timestamp` is seconds since the epoch, as WeCom sends it. */
export function checkTimestamp(timestamp: string, now: Date): Refusal | undefined {
  // At most 11 digits (year 5138): longer strings are absurd and would lose precision as numbers.
  if (!/^\d{1,11}$/.test(timestamp)) return { ok: false, status: 400, reason: 'timestamp is not a number of seconds' };
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (Math.abs(skew) > TIMESTAMP_TOLERANCE_SECONDS) {
    return {
      ok: false,
      status: 401,
      reason: `timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'old' : 'in the future'}, over the ${TIMESTAMP_TOLERANCE_SECONDS} s tolerance`,
    };
  }
  return undefined;
}
