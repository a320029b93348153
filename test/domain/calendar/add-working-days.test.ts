import { describe, expect, it } from 'vitest';
import { addWorkingDays, countWorkingDays } from '../../../domain/calendar/add-working-days.js';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';

const calendar = createWorkingCalendar();

describe('addWorkingDays', () => {
  it('moves a Friday plus one working day to Monday', () => {
    expect(addWorkingDays(calendar, '2026-03-06', 1)).toBe('2026-03-09');
  });

  it('skips the Spring Festival and counts the make-up Saturday', () => {
    // 2026-02-13 is a Friday; 02-14 (Saturday) is a 调休 working day; 02-15..02-23 are holidays.
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-14', 1)).toBe('2026-02-24');
  });

  it('returns the same date for zero days', () => {
    expect(addWorkingDays(calendar, '2026-03-07', 0)).toBe('2026-03-07');
  });

  it('counts 90 working days from a signing date (003 一(二)4(3))', () => {
    expect(addWorkingDays(calendar, '2026-03-02', 90)).toBe('2026-07-10');
  });
});

describe('countWorkingDays', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(countWorkingDays(calendar, '2026-03-06', '2026-03-09')).toBe(1);
    expect(countWorkingDays(calendar, '2026-03-09', '2026-03-09')).toBe(0);
    expect(countWorkingDays(calendar, '2026-09-30', '2026-10-10')).toBe(3);
  });
});
