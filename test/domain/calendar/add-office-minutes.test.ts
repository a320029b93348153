import { describe, expect, it } from 'vitest';
import { addOfficeMinutes } from '../../../domain/calendar/add-office-minutes.js';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';

const calendar = createWorkingCalendar();
const hours = [
  { start: '08:30', end: '12:00' },
  { start: '14:30', end: '18:00' },
];
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('addOfficeMinutes', () => {
  it('adds plain minutes inside office hours', () => {
    expect(addOfficeMinutes(calendar, hours, at('2026-03-04T09:00:00'), 30)).toEqual(at('2026-03-04T09:30:00'));
  });

  it('carries a card posted 17:50 on a Friday to 08:50 on Monday', () => {
    expect(addOfficeMinutes(calendar, hours, at('2026-03-06T17:50:00'), 30)).toEqual(at('2026-03-09T08:50:00'));
  });

  it('skips the lunch break', () => {
    expect(addOfficeMinutes(calendar, hours, at('2026-03-04T11:45:00'), 30)).toEqual(at('2026-03-04T14:45:00'));
  });

  it('starts the clock at opening time for a card posted at night', () => {
    expect(addOfficeMinutes(calendar, hours, at('2026-03-04T21:00:00'), 30)).toEqual(at('2026-03-05T09:00:00'));
  });

  it('skips the National Day holiday and counts the make-up Saturday as a working day', () => {
    // 2026-09-30 is a Wednesday; 10-01..10-07 are holidays; 10-10 (Saturday) is a 调休 working day.
    expect(addOfficeMinutes(calendar, hours, at('2026-09-30T17:50:00'), 30)).toEqual(at('2026-10-08T08:50:00'));
    expect(addOfficeMinutes(calendar, hours, at('2026-10-09T17:50:00'), 30)).toEqual(at('2026-10-10T08:50:00'));
  });

  it('honours an admin override for a year chinese-days does not know', () => {
    // 2026-12-31 is a Thursday; 2027-01-01 is 元旦 even before the schedule is entered (derived).
    expect(addOfficeMinutes(calendar, hours, at('2026-12-31T17:50:00'), 30)).toEqual(at('2027-01-04T08:50:00'));
    const workingNewYear = createWorkingCalendar([{ date: '2027-01-01', isWorkday: true }]);
    expect(addOfficeMinutes(workingNewYear, hours, at('2026-12-31T17:50:00'), 30)).toEqual(at('2027-01-01T08:50:00'));
  });

  it('runs every minute when office hours are "always", fractions included', () => {
    expect(addOfficeMinutes(calendar, 'always', at('2026-03-07T23:59:00'), 30)).toEqual(at('2026-03-08T00:29:00'));
    expect(addOfficeMinutes(calendar, 'always', at('2026-03-07T10:00:00'), 0.05)).toEqual(at('2026-03-07T10:00:03'));
  });

  it('ends exactly at closing time when the minutes fit', () => {
    expect(addOfficeMinutes(calendar, hours, at('2026-03-04T17:30:00'), 30)).toEqual(at('2026-03-04T18:00:00'));
  });
});
