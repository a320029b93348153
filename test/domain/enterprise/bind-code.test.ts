import { describe, expect, it } from 'vitest';
import { checkBindCode, generateBindCode, normalizeBindCode } from '../../../domain/enterprise/bind-code.js';

describe('bind codes', () => {
  it('are six digits, zero-padded', () => {
    expect(generateBindCode(() => 42)).toBe('000042');
    expect(generateBindCode((max) => max - 1)).toBe('999999');
  });

  it('work once and only until they expire', () => {
    const now = new Date('2026-03-04T10:00:00+08:00');
    expect(checkBindCode({ expiresAt: new Date('2026-03-11T10:00:00+08:00'), usedAt: null }, now)).toEqual({ ok: true });
    expect(checkBindCode({ expiresAt: now, usedAt: null }, now)).toEqual({ ok: false, code: 'BIND_CODE_EXPIRED' });
    expect(checkBindCode({ expiresAt: new Date('2026-03-11T10:00:00+08:00'), usedAt: now }, now)).toEqual({ ok: false, code: 'BIND_CODE_USED' });
  });

  it('accept full-width digits and spaces but nothing else', () => {
    expect(normalizeBindCode('１２３ ４５６')).toBe('123456');
    expect(normalizeBindCode('12345')).toBeUndefined();
    expect(normalizeBindCode('abcdef')).toBeUndefined();
  });
});
