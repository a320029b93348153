import { describe, expect, it } from 'vitest';
import { addCalendarYears } from '../../../domain/calendar/add-calendar-years.js';

describe('addCalendarYears', () => {
  it('keeps the day of the month', () => {
    expect(addCalendarYears('2026-12-07', 2)).toBe('2028-12-07');
    expect(addCalendarYears('2026-11-23', 3)).toBe('2029-11-23');
  });

  it('ends a term from 29 February on 28 February, not in March', () => {
    expect(addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addCalendarYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});
