// Every date people read that depends on a provisional year is marked 暂定, so nobody promises an
// enterprise a deadline the State Council's schedule may still move (docs/domain.md "Time rules").
// The one way a derived date is shown: replies, cards, digests, 进度 and the 台账 all go through it.
import type { WorkingCalendar } from './create-working-calendar.js';
import type { IsoDate } from './shanghai-time.js';

/**
 * The date as shown (`shown`, the date itself by default), with （暂定） when any year from `from`'s to
 * `date`'s is provisional: a working-day count that crosses such a year may still move.
 * @example markProvisional(calendar, '2027-01-04') // '2027-01-04（暂定）' while 2027 is not entered
 * @example markProvisional(calendar, '2026-12-31') // '2026-12-31'
 */
export function markProvisional(calendar: WorkingCalendar, date: IsoDate, from: IsoDate = date, shown: string = date): string {
  const [first, last] = [Number(from.slice(0, 4)), Number(date.slice(0, 4))].sort((a, b) => a - b) as [number, number];
  for (let year = first; year <= last; year++) if (calendar.isProvisional(`${year}-01-01`)) return `${shown}（暂定）`;
  return shown;
}
