// Working-day arithmetic for promised times and deadlines (002 五(三)(四); 003 一(二)4(3)).
// A digest of every project asks for a deadline per project and card (BENCHMARKS.md, digests), so each
// calendar year is counted once into a running total of its working days; a call then costs a
// lookup (count) or a binary search (add) instead of a walk through every day.
import type { WorkingCalendar } from './create-working-calendar.js';
import type { IsoDate } from './shanghai-time.js';

// A year and a half of consecutive non-working days cannot happen; more means a broken override set.
const MAX_SCAN_DAYS = 550;
const DAY_MS = 86_400_000;

/**
 * The date `days` working days after `date` (counting starts the next day); `days` 0 is `date`.
 * @example addWorkingDays(calendar, '2026-09-30', 1) // '2026-10-09' (国庆节 holiday week)
 */
export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, days: number): IsoDate {
  if (days <= 0) return date;
  const start = dayNumber(date);
  let left = days;
  let year = yearOfDay(start);
  let counted = workdaysOfYear(calendar, year);
  // Working days of the year on or before `date` are not counted.
  let before = counted.through[start - counted.first + 1]!;
  while (counted.first <= start + MAX_SCAN_DAYS) {
    const available = counted.total - before;
    if (available >= left) {
      const found = firstReaching(counted.through, before + left) - 1 + counted.first;
      if (found - start > MAX_SCAN_DAYS) break;
      return isoOf(found);
    }
    left -= available;
    counted = workdaysOfYear(calendar, (year += 1));
    before = 0;
  }
  throw new Error(`no working day within ${MAX_SCAN_DAYS} days after ${date}`);
}

/**
 * Working days in the half-open range (from, to]: the days a paused clock did not run.
 * @example countWorkingDays(calendar, '2026-03-06', '2026-03-09') // 1 (Monday)
 */
export function countWorkingDays(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last <= first) return 0;
  const through = (day: number) => {
    const counted = workdaysOfYear(calendar, yearOfDay(day));
    return counted.through[day - counted.first + 1]!;
  };
  let count = through(last) - through(first);
  for (let year = yearOfDay(first); year < yearOfDay(last); year += 1) count += workdaysOfYear(calendar, year).total;
  return count;
}

interface YearCount {
  /** Day number (days since 1970-01-01) of 1 January. */
  first: number;
  /** through[i]: working days among the year's first i days; through[0] is 0. */
  through: Uint16Array;
  total: number;
}

// A calendar never changes once created (create-working-calendar.ts), so its counts are kept with it.
const counts = new WeakMap<WorkingCalendar, Map<number, YearCount>>();

function workdaysOfYear(calendar: WorkingCalendar, year: number): YearCount {
  let years = counts.get(calendar);
  if (!years) counts.set(calendar, (years = new Map()));
  let counted = years.get(year);
  if (!counted) {
    const first = Date.UTC(year, 0, 1) / DAY_MS;
    const length = Date.UTC(year + 1, 0, 1) / DAY_MS - first;
    const through = new Uint16Array(length + 1);
    for (let i = 0; i < length; i += 1) through[i + 1] = through[i]! + (calendar.isWorkday(isoOf(first + i)) ? 1 : 0);
    counted = { first, through, total: through[length]! };
    years.set(year, counted);
  }
  return counted;
}

/** The smallest index whose running total reaches `target` (the totals never decrease). */
function firstReaching(through: Uint16Array, target: number): number {
  let low = 0;
  let high = through.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (through[middle]! >= target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function dayNumber(date: IsoDate): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}

const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
const isoOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
