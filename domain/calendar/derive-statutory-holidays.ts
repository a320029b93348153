// The festival days of 《全国年节及纪念日放假办法》 (2024 revision, in force from 2025; docs/domain.md
// "Working days and the calendar"): 元旦 1-1; 春节 除夕 to 初三; 清明; 劳动节 5-1, 5-2; 端午 (lunar 5-5); 中秋 (lunar 8-15);
// 国庆 10-1 to 10-3. For a year whose State Council schedule is not out yet these, plus weekends,
// are the best guess; the bridge days and 调休 Saturdays come only with the official schedule.
// chinese-days' date-taking lunar functions shift a day in time zones west of UTC (docs/architecture.md
// "Toolchain notes"), so only its month-length tables are used here, counted from a fixed new year.
import chineseDays from 'chinese-days';
import { addCalendarDays, type IsoDate } from './shanghai-time.js';

export interface Festival {
  date: IsoDate;
  name: string;
}

// Lunar 1900-01-01 fell on 1900-01-31: the start of chinese-days' (and every such) table.
const TABLE_START_YEAR = 1900;
const TABLE_START_DATE = '1900-01-31';
const newYearCache = new Map<number, IsoDate>();

/** The Gregorian date of lunar new year (正月初一) in `year`. */
export function lunarNewYear(year: number): IsoDate {
  const cached = newYearCache.get(year);
  if (cached) return cached;
  let date = TABLE_START_DATE;
  for (let lunarYear = TABLE_START_YEAR; lunarYear < year; lunarYear += 1) date = addCalendarDays(date, lunarYearDays(lunarYear));
  newYearCache.set(year, date);
  return date;
}

/** The Gregorian date of lunar `month`-`day` (not a leap month) of lunar year `year`. */
export function fromLunar(year: number, month: number, day: number): IsoDate {
  const leap = chineseDays.getYearLeapMonth(year);
  let offset = day - 1;
  for (let m = 1; m < month; m += 1) {
    offset += chineseDays.monthDays(year, m);
    if (leap.leapMonth === m) offset += leap.days;
  }
  return addCalendarDays(lunarNewYear(year), offset);
}

function lunarYearDays(year: number): number {
  let days = chineseDays.getYearLeapMonth(year).leapMonth ? chineseDays.getYearLeapMonth(year).days : 0;
  for (let month = 1; month <= 12; month += 1) days += chineseDays.monthDays(year, month);
  return days;
}

/**
 * 清明 by the usual 21st-century formula (day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋, Y = year mod 100).
 * @example qingming(2027) // '2027-04-05'
 */
export function qingming(year: number): IsoDate {
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

/**
 * The statutory festival days of `year`, in date order (13 days).
 * @example deriveStatutoryHolidays(2027).map((day) => day.date).slice(0, 5) // ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']
 */
export function deriveStatutoryHolidays(year: number): Festival[] {
  const newYear = lunarNewYear(year);
  const days: Festival[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((offset) => ({ date: addCalendarDays(newYear, offset), name: '春节' })),
    { date: qingming(year), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: fromLunar(year, 5, 5), name: '端午节' },
    { date: fromLunar(year, 8, 15), name: '中秋节' },
    ...[1, 2, 3].map((day) => ({ date: `${year}-10-0${day}`, name: '国庆节' })),
  ];
  // 除夕 of a lunar year starting in January may fall in the previous Gregorian year.
  return days.filter((day) => day.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}
