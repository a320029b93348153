// The report-to-window clock runs in office hours only (002 五(五): 30 minutes to arrive at the
// window): a card posted at 17:50 on a Friday is due 08:50 on the next working day, not 18:20.
import type { WorkingCalendar } from './create-working-calendar.js';
import { addCalendarDays, clockToMs, shanghaiDate, shanghaiInstant, shanghaiTimeOfDayMs } from './shanghai-time.js';

/** Office hours on working days, or "always" for round-the-clock units (and tests). */
export type OfficeHours = 'always' | readonly { start: string; end: string }[];

const MAX_SCAN_DAYS = 550;

/**
 * The instant `minutes` office minutes after `start` (minutes may be fractional).
 * @example addOfficeMinutes(calendar, hours, new Date('2026-03-06T09:50:00Z'), 30) // 2026-03-09T00:50:00Z (Mon 08:50)
 */
export function addOfficeMinutes(calendar: WorkingCalendar, officeHours: OfficeHours, start: Date, minutes: number): Date {
  let remaining = Math.round(minutes * 60_000);
  if (officeHours === 'always') return new Date(start.getTime() + remaining);
  const ranges = officeHours.map((range) => ({ start: clockToMs(range.start), end: clockToMs(range.end) })).sort((a, b) => a.start - b.start);
  let date = shanghaiDate(start);
  let from = shanghaiTimeOfDayMs(start);
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned += 1) {
    if (calendar.isWorkday(date)) {
      for (const range of ranges) {
        if (range.end <= from) continue;
        const segmentStart = Math.max(range.start, from);
        const available = range.end - segmentStart;
        if (remaining <= available) return shanghaiInstant(date, segmentStart + remaining);
        remaining -= available;
      }
    }
    date = addCalendarDays(date, 1);
    from = 0;
  }
  throw new Error(`no office time within ${MAX_SCAN_DAYS} days after ${start.toISOString()}`);
}

/**
 * Office minutes between two instants (0 when `end` is not after `start`): how long a unit took to
 * report, in the same minutes the report-to-window clock counts.
 * @example countOfficeMinutes(calendar, hours, new Date('2026-03-06T09:50:00Z'), new Date('2026-03-09T00:50:00Z')) // 30
 */
export function countOfficeMinutes(calendar: WorkingCalendar, officeHours: OfficeHours, start: Date, end: Date): number {
  if (end.getTime() <= start.getTime()) return 0;
  if (officeHours === 'always') return (end.getTime() - start.getTime()) / 60_000;
  const ranges = officeHours.map((range) => ({ start: clockToMs(range.start), end: clockToMs(range.end) }));
  const last = shanghaiDate(end);
  let total = 0;
  for (let date = shanghaiDate(start), scanned = 0; date <= last && scanned <= MAX_SCAN_DAYS; date = addCalendarDays(date, 1), scanned += 1) {
    if (!calendar.isWorkday(date)) continue;
    const from = date === shanghaiDate(start) ? shanghaiTimeOfDayMs(start) : 0;
    const to = date === last ? shanghaiTimeOfDayMs(end) : Number.MAX_SAFE_INTEGER;
    for (const range of ranges) total += Math.max(0, Math.min(range.end, to) - Math.max(range.start, from));
  }
  return total / 60_000;
}
