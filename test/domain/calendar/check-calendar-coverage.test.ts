import { describe, expect, it } from 'vitest';
import { checkCalendarCoverage } from '../../../domain/calendar/check-calendar-coverage.js';

describe('checkCalendarCoverage', () => {
  it('is content while both this year and the next have official data', () => {
    expect(checkCalendarCoverage(new Date('2025-11-20T00:00:00+08:00'), [])).toEqual({ ok: true });
  });

  it('warns about the coming year when chinese-days does not know it', () => {
    expect(checkCalendarCoverage(new Date('2026-11-20T00:00:00+08:00'), [])).toEqual({
      ok: false,
      code: 'CALENDAR_YEAR_MISSING',
      year: 2027,
    });
  });

  it('is content once an admin has entered the coming year', () => {
    expect(checkCalendarCoverage(new Date('2026-11-20T00:00:00+08:00'), [2027])).toEqual({ ok: true });
  });

  it('uses the Shanghai date: 31 December 20:00 UTC is already the next year', () => {
    expect(checkCalendarCoverage(new Date('2026-12-31T20:00:00Z'), [2027])).toEqual({
      ok: false,
      code: 'CALENDAR_YEAR_MISSING',
      year: 2028,
    });
  });
});
