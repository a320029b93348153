// chinese-days knows the official schedules through 2026 only; a later year is derived from the
// festival rules and weekends (derive-statutory-holidays.ts) and stays provisional (暂定) until an
// admin enters the State Council's schedule, published in late autumn (docs/architecture.md "Toolchain notes"). Until
// then the admins are reminded.
import { hasOfficialSchedule } from './create-working-calendar.js';
import { shanghaiDate } from './shanghai-time.js';

export type CalendarCoverage = { ok: true } | { ok: false; code: 'CALENDAR_YEAR_MISSING'; year: number };

/**
 * Checks this year and the coming one: each needs the official schedule, built in or entered.
 * @example checkCalendarCoverage(new Date('2026-11-20T00:00:00Z'), []) // { ok: false, code: 'CALENDAR_YEAR_MISSING', year: 2027 }
 * @example checkCalendarCoverage(new Date('2026-11-20T00:00:00Z'), [2027]) // { ok: true }
 */
export function checkCalendarCoverage(now: Date, enteredYears: readonly number[]): CalendarCoverage {
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) {
    if (!enteredYears.includes(year) && !hasOfficialSchedule(year)) return { ok: false, code: 'CALENDAR_YEAR_MISSING', year };
  }
  return { ok: true };
}

/** The admin-facing sentence for a missing year. */
export function describeCalendarGap(year: number): string {
  return `${year} 年的法定节假日和调休尚未录入，期限按法定节日和周末暂定。请管理员录入国务院公布的安排：日历 导入（下一行起每行一天，如 ${year}-01-01,休,元旦），录完发送「日历 ${year} 完成」。`;
}
