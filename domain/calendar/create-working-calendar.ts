// Working days follow China's official calendar: weekends, 法定节假日 and 调休 make-up working
// days (DOMAIN.md "Time rules"). chinese-days knows the State Council schedules through 2026;
// admins add later years (and local exceptions) as CalendarDay rows, passed in here as data.
import chineseDays from 'chinese-days';
import type { IsoDate } from './shanghai-time.js';

export interface CalendarOverride {
  date: IsoDate;
  isWorkday: boolean;
}

export interface WorkingCalendar {
  isWorkday(date: IsoDate): boolean;
}

/**
 * @example createWorkingCalendar().isWorkday('2026-10-01') // false (国庆节)
 * @example createWorkingCalendar([{ date: '2027-01-01', isWorkday: false }]).isWorkday('2027-01-01') // false
 */
export function createWorkingCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  const known = new Map(overrides.map((day) => [day.date, day.isWorkday]));
  return {
    isWorkday(date) {
      let answer = known.get(date);
      if (answer === undefined) {
        answer = chineseDays.isWorkday(date);
        known.set(date, answer);
      }
      return answer;
    },
  };
}

/** True when chinese-days carries the official holiday schedule of `year`. */
export function hasOfficialSchedule(year: number): boolean {
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}
