// Working days follow China's official calendar: weekends, 法定节假日 and 调休 make-up working
// days (docs/domain.md "Time rules"). chinese-days knows the State Council schedules through 2026;
// admins enter later years (and local exceptions) as CalendarDay rows, passed in here as data.
// A year with neither is derived from 《全国年节及纪念日放假办法》 (festival days and 第六条's make-up days)
// and weekends, and is provisional
// (暂定) until an admin enters its official schedule.
// chinese-days' own functions build their tables and read dates in the server's time zone, so west
// of UTC every day shifts by one (docs/architecture.md "Toolchain notes"); its data file holds the same schedules as
// plain 'YYYY-MM-DD' keys.
import official from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { deriveDaysOff } from './derive-days-off.js';
import { isWeekend } from './is-weekend.js';
import type { IsoDate } from './shanghai-time.js';

export interface CalendarOverride {
  date: IsoDate;
  isWorkday: boolean;
}

export interface WorkingCalendar {
  isWorkday(date: IsoDate): boolean;
  /** True when `date` lies in a year whose official schedule is not known yet (暂定). */
  isProvisional(date: IsoDate): boolean;
}

/**
 * @example createWorkingCalendar().isWorkday('2026-10-01') // false (国庆节)
 * @example createWorkingCalendar().isWorkday('2027-01-01') // false (元旦, derived), and isProvisional('2027-01-01') is true
 * @example createWorkingCalendar([], [2027]).isProvisional('2027-01-04') // false (the admin entered 2027)
 */
export function createWorkingCalendar(overrides: readonly CalendarOverride[] = [], enteredYears: readonly number[] = []): WorkingCalendar {
  const known = new Map(overrides.map((day) => [day.date, day.isWorkday]));
  const entered = new Set(enteredYears);
  const derived = new Map<number, Set<IsoDate>>();
  const holidaysOf = (year: number) => {
    let days = derived.get(year);
    if (!days) derived.set(year, (days = new Set(deriveDaysOff(year).map((day) => day.date))));
    return days;
  };
  return {
    isWorkday(date) {
      let answer = known.get(date);
      if (answer === undefined) {
        const year = yearOf(date);
        answer = entered.has(year) || hasOfficialSchedule(year) ? officialWorkday(date) : !isWeekend(date) && !holidaysOf(year).has(date);
        known.set(date, answer);
      }
      return answer;
    },
    isProvisional(date) {
      const year = yearOf(date);
      return !entered.has(year) && !hasOfficialSchedule(year);
    },
  };
}

const officialYears = new Map<number, boolean>();

/** True when chinese-days carries the official holiday schedule of `year`. */
export function hasOfficialSchedule(year: number): boolean {
  let answer = officialYears.get(year);
  if (answer === undefined) {
    answer = Object.keys(official.holidays).some((date) => date.startsWith(`${year}-`));
    officialYears.set(year, answer);
  }
  return answer;
}

const officialHolidays: Readonly<Record<string, string>> = official.holidays;
const officialWorkdays: Readonly<Record<string, string>> = official.workdays;

function officialWorkday(date: IsoDate): boolean {
  if (date in officialWorkdays) return true;
  return !isWeekend(date) && !(date in officialHolidays);
}

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
