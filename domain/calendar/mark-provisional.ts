// Every date people read that depends on a provisional year is marked 暂定, so nobody promises an
// enterprise a deadline the State Council's schedule may still move (docs/domain.md "Time rules").
import type { WorkingCalendar } from './create-working-calendar.js';
import type { IsoDate } from './shanghai-time.js';

/**
 * The date as shown, with （暂定） when `from`…`date` crosses a provisional day.
 * @example markProvisional(calendar, '2027-01-04', '2026-12-30') // '2027-01-04（暂定）' while 2027 is not entered
 */
export function markProvisional(calendar: WorkingCalendar, date: IsoDate, from?: IsoDate, shown: string = date): string {
  const provisional = calendar.isProvisional(date) || (from !== undefined && calendar.isProvisional(from));
  return provisional ? `${shown}（暂定）` : shown;
}
