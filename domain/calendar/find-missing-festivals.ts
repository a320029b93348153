// An imported schedule replaces the whole year (docs/domain.md "Working days and the calendar"), so a
// festival day it leaves out would become a working day. The festival days themselves are fixed by law
// (《全国年节及纪念日放假办法》), whatever the State Council adds around them: a year that does not give
// every one of them off is incomplete, most likely an excerpt.
import { deriveStatutoryHolidays } from './derive-statutory-holidays.js';
import type { ImportedDay } from './parse-calendar-import.js';

/**
 * The festivals of `year` with a day the import does not mark 休, each with its missing dates.
 * @example findMissingFestivals(2027, [{ date: '2027-01-01', isWorkday: false, note: '元旦' }])[0] // { name: '春节', dates: ['2027-02-05', …] }
 */
export function findMissingFestivals(year: number, days: readonly ImportedDay[]): { name: string; dates: string[] }[] {
  const off = new Set(days.filter((day) => !day.isWorkday).map((day) => day.date));
  const missing = new Map<string, string[]>();
  for (const festival of deriveStatutoryHolidays(year)) {
    if (!off.has(festival.date)) missing.set(festival.name, [...(missing.get(festival.name) ?? []), festival.date]);
  }
  return [...missing].map(([name, dates]) => ({ name, dates }));
}
