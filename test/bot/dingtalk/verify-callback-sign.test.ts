import { describe, expect, it } from 'vitest';
import { verifyCallbackSign } from '../../../bot/dingtalk/verify-callback-sign.js';
import { signCallback } from '../../support/sign-dingtalk-callback.js';

const appSecret = 'test-secret-not-real-0123456789abcdef';
const nowMs = 1795485781000;
const timestamp = '1795485776000';

describe('verifyCallbackSign', () => {
  it('accepts the sign DingTalk computes: base64(HMAC-SHA256(secret, timestamp\\nsecret))', () => {
    // Computed independently: printf '%s\n%s' "$ts" "$secret" | openssl dgst -sha256 -hmac "$secret" -binary | base64
    const sign = '7NsDFSQj8/nfwGFyhdr4Zz5371ex9GdmdKhtC7vfTNA=';
    expect(signCallback(appSecret, timestamp)).toBe(sign);
    expect(verifyCallbackSign({ appSecret, timestamp, sign, nowMs })).toEqual({ ok: true });
  });

  it('refuses a sign made with another secret, a truncated sign, or none', () => {
    expect(verifyCallbackSign({ appSecret, timestamp, sign: signCallback('another-secret-0123456789', timestamp), nowMs })).toEqual({
      ok: false,
      reason: 'bad sign',
    });
    expect(verifyCallbackSign({ appSecret, timestamp, sign: signCallback(appSecret, timestamp).slice(0, 20), nowMs })).toEqual({
      ok: false,
      reason: 'bad sign',
    });
    expect(verifyCallbackSign({ appSecret, timestamp, sign: undefined, nowMs })).toMatchObject({ ok: false });
  });

  it('refuses a correctly signed timestamp more than an hour off, either way', () => {
    for (const offset of [-3_600_001, 3_600_001]) {
      const stale = String(nowMs + offset);
      expect(verifyCallbackSign({ appSecret, timestamp: stale, sign: signCallback(appSecret, stale), nowMs })).toEqual({
        ok: false,
        reason: 'timestamp more than an hour off',
      });
    }
  });
});
