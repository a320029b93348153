// ISO weeks (Monday first) name the weekly occurrences: `weekly-wed:2026-W48`. Computed on the
// date string in UTC, never the process's time zone.
import { addCalendarDays, type IsoDate } from '../calendar/shanghai-time.js';

/** 1 = Monday … 7 = Sunday. @example isoWeekday('2026-11-24') // 2 */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** @example mondayOf('2026-11-26') // '2026-11-23' */
export function mondayOf(date: IsoDate): IsoDate {
  return addCalendarDays(date, 1 - isoWeekday(date));
}

/**
 * The ISO week a date belongs to; its year is the year of the week's Thursday.
 * @example isoWeekKey('2026-11-24') // '2026-W48'
 * @example isoWeekKey('2027-01-01') // '2026-W53'
 */
export function isoWeekKey(date: IsoDate): string {
  const thursday = addCalendarDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}
