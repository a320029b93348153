// Years on a calendar date, for terms stated in years (000 第四条(四)(五): a 服务绿卡 valid two years,
// a revoked one barring a new application for three).
import type { IsoDate } from './shanghai-time.js';

/**
 * 29 February goes to 28 February in a year without it, so a term never ends in the next month.
 * @example addCalendarYears('2026-12-07', 2) // '2028-12-07'
 * @example addCalendarYears('2028-02-29', 1) // '2029-02-28'
 */
export function addCalendarYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  // Past the month's end (29 Feb → 1 Mar): day 0 of the next month is the last day of the month meant.
  const clamped = target.getUTCMonth() === month - 1 ? target : new Date(Date.UTC(year + years, month, 0));
  return clamped.toISOString().slice(0, 10);
}
