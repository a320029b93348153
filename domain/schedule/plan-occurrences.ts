// When each occurrence of the schedule happens and how long it stays worth sending.
// A day off moves an occurrence to the next working day (003 names weekdays and dates, and the
// offices are closed on holidays); the weekly chain keeps its order, so Wednesday's digest comes
// at least one working day after Tuesday's ask (003 一(三)5(1): 周二报 → 周三汇总 → 周五例会).
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { addCalendarDays, clockToMs, shanghaiInstant, type IsoDate } from '../calendar/shanghai-time.js';
import { isoWeekKey } from './iso-week.js';
import type { Purpose, Schedule, ScheduleEntry } from './list-schedule.js';

export interface Occurrence {
  job: string;
  purpose: Purpose;
  /** The period: `2026-W48`, `2026-11` or, for daily jobs, `2026-11-24`. */
  slot: string;
  /** `weekly-wed:2026-W48`, unique per occurrence (ScheduleRun's job + slot). */
  key: string;
  /** The day the rule names, and the working day it happens on. */
  nominalDate: IsoDate;
  date: IsoDate;
  dueAt: Date;
  /** After this instant the occurrence is stale and never sent (no catch-up). */
  validUntil: Date;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkday(date) ? date : addWorkingDays(calendar, date, 1);
}

/** A daily job's occurrence on `date`, valid to the end of that day; none on a day off. */
export function occurrencesOfDay(schedule: Schedule, date: IsoDate, calendar: WorkingCalendar): Occurrence[] {
  if (!calendar.isWorkday(date)) return [];
  return schedule
    .filter((entry) => entry.period === 'day')
    .map((entry) => ({
      job: entry.job,
      purpose: entry.purpose,
      slot: date,
      key: `${entry.job}:${date}`,
      nominalDate: date,
      date,
      dueAt: shanghaiInstant(date, clockToMs(entry.time)),
      validUntil: shanghaiInstant(addCalendarDays(date, 1)),
    }));
}

/**
 * The occurrences of one week (given its Monday) or one month (`YYYY-MM`), before validity and
 * supersession are applied.
 */
export function occurrencesOfPeriod(schedule: Schedule, period: 'week' | 'month', start: IsoDate, calendar: WorkingCalendar): Map<Purpose, Occurrence> {
  const result = new Map<Purpose, Occurrence>();
  const entries = schedule.filter((entry) => entry.period === period);
  const dayOf = (entry: ScheduleEntry): IsoDate =>
    entry.period === 'week'
      ? addCalendarDays(start, entry.weekday - 1)
      : entry.period === 'month'
        ? `${start.slice(0, 7)}-${String(entry.day).padStart(2, '0')}`
        : start;
  const slot = period === 'week' ? isoWeekKey(start) : start.slice(0, 7);
  for (const entry of entries) {
    const nominalDate = dayOf(entry);
    const date = nextWorkingDay(calendar, nominalDate);
    result.set(entry.purpose, {
      job: entry.job,
      purpose: entry.purpose,
      slot,
      key: `${entry.job}:${slot}`,
      nominalDate,
      date,
      dueAt: shanghaiInstant(date, clockToMs(entry.time)),
      validUntil: new Date(0),
    });
  }
  if (period === 'week') chainWeek(result, schedule, calendar);
  for (const occurrence of result.values()) occurrence.validUntil = validUntil(occurrence, result, period);
  return result;
}

/** Wednesday's digest follows Tuesday's ask by a working day; the reminder stays on the ask's day. */
function chainWeek(week: Map<Purpose, Occurrence>, schedule: Schedule, calendar: WorkingCalendar): void {
  const ask = week.get('problemsAsk');
  const reminder = week.get('problemsReminder');
  const digest = week.get('leaderDigest');
  const meeting = week.get('meeting');
  const timeOf = (purpose: Purpose) => clockToMs(schedule.find((entry) => entry.purpose === purpose)!.time);
  if (ask && reminder && reminder.date !== ask.date) move(reminder, ask.date, timeOf('problemsReminder'));
  if (ask && digest) {
    const earliest = addWorkingDays(calendar, ask.date, 1);
    if (digest.date < earliest) move(digest, earliest, timeOf('leaderDigest'));
  }
  if (digest && meeting && meeting.date < digest.date) move(meeting, digest.date, timeOf('meeting'));
}

function move(occurrence: Occurrence, date: IsoDate, timeMs: number): void {
  occurrence.date = date;
  occurrence.dueAt = shanghaiInstant(date, timeMs);
}

/**
 * Each occurrence's catch-up window, explicitly:
 * - the Tuesday ask and its reminder: until Wednesday's digest is due (asking later is pointless);
 * - Wednesday's digest: until Friday's meeting is due, and at least to the end of its own day;
 * - Friday's agenda: to the end of the meeting's day;
 * - monthly ones: until the month's next step is due, and at least to the end of their own day
 *   (the 1st's list is pointless once the 3rd's ledger is out; the 28th's signing is that day).
 */
function validUntil(occurrence: Occurrence, siblings: Map<Purpose, Occurrence>, period: 'week' | 'month'): Date {
  const endOfDay = shanghaiInstant(addCalendarDays(occurrence.date, 1));
  const latest = (...instants: (Date | undefined)[]): Date => new Date(Math.max(...instants.filter((at): at is Date => Boolean(at)).map((at) => at.getTime())));
  if (period === 'month') {
    const next = [...siblings.values()].filter((other) => other.dueAt > occurrence.dueAt).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    return latest(next?.dueAt, endOfDay);
  }
  switch (occurrence.purpose) {
    case 'problemsAsk':
    case 'problemsReminder':
      return siblings.get('leaderDigest')?.dueAt ?? endOfDay;
    case 'leaderDigest':
      return latest(siblings.get('meeting')?.dueAt, endOfDay);
    default:
      return endOfDay;
  }
}
