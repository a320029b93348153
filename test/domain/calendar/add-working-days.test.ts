import { describe, expect, it } from 'vitest';
import { addWorkingDays, countWorkingDays } from '../../../domain/calendar/add-working-days.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { addCalendarDays } from '../../../domain/calendar/shanghai-time.js';

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

// The rule itself, one day at a time: what the running totals in add-working-days.ts must agree with.
function walkWorkingDays(calendar: WorkingCalendar, date: string, days: number): string {
  let current = date;
  for (let left = days; left > 0;) {
    current = addCalendarDays(current, 1);
    if (calendar.isWorkday(current)) left -= 1;
  }
  return current;
}

function walkCount(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1)) if (calendar.isWorkday(current)) count += 1;
  return count;
}

describe('long spans', () => {
  it('crosses the year end into a provisional year (2027 derived, 暂定)', () => {
    // 2026-12-31 is a Thursday; 2027-01-01 (元旦, derived) is off, so the next working day is Monday 01-04.
    expect(addWorkingDays(calendar, '2026-12-31', 1)).toBe('2027-01-04');
    expect(countWorkingDays(calendar, '2026-12-31', '2027-01-04')).toBe(1);
    expect(addWorkingDays(calendar, '2026-11-02', 90)).toBe(walkWorkingDays(calendar, '2026-11-02', 90));
  });

  it('counts a whole year and more: 2026 has 248 working days by the State Council schedule', () => {
    expect(countWorkingDays(calendar, '2025-12-31', '2026-12-31')).toBe(248);
    expect(countWorkingDays(calendar, '2024-06-01', '2027-06-01')).toBe(walkCount(calendar, '2024-06-01', '2027-06-01'));
    expect(countWorkingDays(calendar, '2026-12-31', '2026-03-01')).toBe(0);
  });

  it('follows admin overrides: an entered 调休 working Saturday and a local day off', () => {
    const entered = createWorkingCalendar(
      [
        { date: '2027-02-06', isWorkday: true },
        { date: '2027-02-08', isWorkday: false },
      ],
      [],
    );
    // Friday 2027-02-05 → the make-up Saturday 02-06, then Thursday 02-11 (Monday 02-08 off, and 02-09/10
    // the derived 第六条 days for 初一 and 初二 on the weekend).
    expect(addWorkingDays(entered, '2027-02-05', 1)).toBe('2027-02-06');
    expect(addWorkingDays(entered, '2027-02-05', 2)).toBe('2027-02-11');
    expect(countWorkingDays(entered, '2027-02-05', '2027-02-11')).toBe(2);
  });

  it('agrees with a day-by-day walk for every start in 2025–2027 and spans up to 200 working days', () => {
    const overrides = createWorkingCalendar([{ date: '2027-10-09', isWorkday: true }], []);
    for (const used of [calendar, overrides]) {
      for (let date = '2025-01-01'; date <= '2027-12-31'; date = addCalendarDays(date, 7)) {
        for (const days of [1, 3, 50, 90, 200]) expect(addWorkingDays(used, date, days), `${date} + ${days}`).toBe(walkWorkingDays(used, date, days));
        const to = addCalendarDays(date, 400);
        expect(countWorkingDays(used, date, to), `${date}…${to}`).toBe(walkCount(used, date, to));
      }
    }
  });

  it('gives up past a year and a half without a working day, as a broken override set would have it', () => {
    const broken = createWorkingCalendar(
      Array.from({ length: 600 }, (_, index) => ({ date: addCalendarDays('2026-01-01', index), isWorkday: false })),
      [],
    );
    expect(() => addWorkingDays(broken, '2025-12-31', 1)).toThrow('no working day within 550 days after 2025-12-31');
    expect(addWorkingDays(broken, '2025-12-30', 1)).toBe('2025-12-31');
  });
});
