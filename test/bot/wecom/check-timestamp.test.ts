import { describe, expect, it } from 'vitest';
import { checkTimestamp } from '../../../bot/wecom/check-timestamp.js';

const now = new Date('2026-11-24T02:00:00Z');
const at = (offsetSeconds: number): string => String(now.getTime() / 1000 + offsetSeconds);

describe('checkTimestamp', () => {
  it('accepts up to one hour either way of the clock', () => {
    expect(checkTimestamp(at(0), now)).toBeUndefined();
    expect(checkTimestamp(at(-3600), now)).toBeUndefined();
    expect(checkTimestamp(at(3600), now)).toBeUndefined();
  });

  it('refuses one second more with 401, saying which way', () => {
    expect(checkTimestamp(at(-3601), now)).toEqual({ ok: false, status: 401, reason: 'timestamp is 3601 s old, over the 3600 s tolerance' });
    expect(checkTimestamp(at(3601), now)).toMatchObject({ status: 401, reason: expect.stringContaining('in the future') });
  });

  it.each(['', '-5', 'abc', '1.5', ' 1795485600', '0x6B0', '１７９５４８５６００', '123456789012'])(
    'refuses %j as not a number of seconds with 400',
    (timestamp) => {
      expect(checkTimestamp(timestamp, now)).toMatchObject({ status: 400, reason: 'timestamp is not a number of seconds' });
    },
  );
});
