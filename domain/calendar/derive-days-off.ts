// The days off of a provisional year (暂定): the festival days of 《全国年节及纪念日放假办法》 and, by its
// 第六条, one make-up day (补假) for each festival day that falls on a Saturday or Sunday, on the first
// working days after that festival (docs/domain.md "Working days and the calendar"). The State
// Council's schedule, once entered, replaces this guess with its bridge days and 调休 Saturdays.
import { deriveStatutoryHolidays, type Festival } from './derive-statutory-holidays.js';
import { isWeekend } from './is-weekend.js';
import { addCalendarDays } from './shanghai-time.js';

/**
 * Festival days plus their make-up days (named `<festival>补假`), in date order.
 * @example deriveDaysOff(2027).filter((day) => day.name === '国庆节补假') // 2027-10-04, 2027-10-05 (10-02 Sat, 10-03 Sun)
 */
export function deriveDaysOff(year: number): Festival[] {
  const festivals = deriveStatutoryHolidays(year);
  const off = new Set(festivals.map((day) => day.date));
  const makeUp: Festival[] = [];
  for (const name of new Set(festivals.map((day) => day.name))) {
    const days = festivals.filter((day) => day.name === name);
    let owed = days.filter((day) => isWeekend(day.date)).length;
    for (let date = addCalendarDays(days.at(-1)!.date, 1); owed > 0; date = addCalendarDays(date, 1)) {
      if (isWeekend(date) || off.has(date)) continue;
      off.add(date);
      makeUp.push({ date, name: `${name}补假` });
      owed -= 1;
    }
  }
  return [...festivals, ...makeUp].sort((a, b) => a.date.localeCompare(b.date));
}
