// chinese-days calls every weekday of a year it does not know a working day (2027-01-01 would be
// a plain Friday), so a missing year silently breaks every deadline. The State Council publishes
// the next year's schedule in late autumn; until an admin enters it, warn (shared/TOOLCHAIN.md).
import { hasOfficialSchedule, type CalendarOverride } from './create-working-calendar.js';
import { shanghaiDate } from './shanghai-time.js';

export type CalendarCoverage = { ok: true } | { ok: false; code: 'CALENDAR_YEAR_MISSING'; year: number };

/**
 * Checks this year and the coming one: each needs the official schedule or at least one admin
 * override in that year.
 * @example checkCalendarCoverage(new Date('2026-11-20T00:00:00Z'), []) // { ok: false, code: 'CALENDAR_YEAR_MISSING', year: 2027 }
 */
export function checkCalendarCoverage(now: Date, overrides: readonly CalendarOverride[]): CalendarCoverage {
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) {
    const entered = overrides.some((day) => day.date.startsWith(`${year}-`));
    if (!entered && !hasOfficialSchedule(year)) return { ok: false, code: 'CALENDAR_YEAR_MISSING', year };
  }
  return { ok: true };
}

/** The admin-facing sentence for a missing year. */
export function describeCalendarGap(year: number): string {
  return `${year} 年的法定节假日和调休尚未录入，工作日期限可能算错，请管理员补录日历，例如：日历 ${year}-01-01 休 元旦`;
}
