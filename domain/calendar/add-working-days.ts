// Working-day arithmetic for promised times and deadlines (002 五(三)(四); 003 一(二)4(3)).
import type { WorkingCalendar } from './create-working-calendar.js';
import { addCalendarDays, type IsoDate } from './shanghai-time.js';

// A year and a half of consecutive non-working days cannot happen; more means a broken override set.
const MAX_SCAN_DAYS = 550;

/**
 * The date `days` working days after `date` (counting starts the next day); `days` 0 is `date`.
 * @example addWorkingDays(calendar, '2026-09-30', 1) // '2026-10-09' (国庆节 holiday week)
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, days: number): IsoDate {
  let current = date;
  let left = days;
  let scanned = 0;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (calendar.isWorkday(current)) left -= 1;
    if (++scanned > MAX_SCAN_DAYS) throw new Error(`no working day within ${MAX_SCAN_DAYS} days after ${date}`);
  }
  return current;
}

/**
 * Working days in the half-open range (from, to]: the days a paused clock did not run.
 * @example countWorkingDays(calendar, '2026-03-06', '2026-03-09') // 1 (Monday)
 */
export function countWorkingDays(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1)) {
    if (calendar.isWorkday(current)) count += 1;
  }
  return count;
}
