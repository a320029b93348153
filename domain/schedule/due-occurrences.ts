// Which occurrences of the schedule are due now: each exactly once (the caller passes the keys
// already run), late ones caught up once while their window lasts (补发), stale ones never.
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { addCalendarDays, shanghaiDate, type IsoDate } from '../calendar/shanghai-time.js';
import { mondayOf } from './iso-week.js';
import type { Schedule } from './list-schedule.js';
import { occurrencesOfDay, occurrencesOfPeriod, type Occurrence } from './plan-occurrences.js';

/** Later than this after its time, an occurrence is sent marked 补发. */
export const LATE_AFTER_MS = 10 * 60_000;

export interface DueOccurrence extends Occurrence {
  late: boolean;
}

export interface DuePlan {
  /** To build and send now, in this order. */
  due: DueOccurrence[];
  /** To mark as run without sending (the reminder of an ask that is itself only going out now). */
  skipped: Occurrence[];
}

/**
 * @example dueOccurrences(schedule, new Set(), new Date('2026-11-25T01:00:00Z'), calendar)
 *   // due: [weekly-wed:2026-W48] (Wednesday 09:00 in Shanghai)
 */
export function dueOccurrences(schedule: Schedule, lastRunSlots: ReadonlySet<string>, now: Date, calendar: WorkingCalendar): DuePlan {
  const today = shanghaiDate(now);
  const candidates: Occurrence[] = [];
  // Holidays move an occurrence at most a couple of weeks; three weeks and two months cover it.
  const thisMonday = mondayOf(today);
  const mondays = [-21, -14, -7, 0, 7].map((days) => addCalendarDays(thisMonday, days));
  for (const [index, monday] of mondays.entries()) {
    if (index === mondays.length - 1) break;
    candidates.push(...current(occurrencesOfPeriod(schedule, 'week', monday, calendar), occurrencesOfPeriod(schedule, 'week', mondays[index + 1]!, calendar)));
  }
  const months = [-2, -1, 0, 1].map((offset) => monthStart(today, offset));
  for (const [index, month] of months.entries()) {
    if (index === months.length - 1) break;
    candidates.push(...current(occurrencesOfPeriod(schedule, 'month', month, calendar), occurrencesOfPeriod(schedule, 'month', months[index + 1]!, calendar)));
  }

  candidates.push(...occurrencesOfDay(schedule, today, calendar));
  const open = candidates
    .filter((occurrence) => !lastRunSlots.has(occurrence.key) && occurrence.dueAt <= now && now < occurrence.validUntil)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
  const skipped: Occurrence[] = [];
  const due: DueOccurrence[] = [];
  for (const occurrence of open) {
    const late = now.getTime() - occurrence.dueAt.getTime() > LATE_AFTER_MS;
    const askNow = open.some((other) => other.purpose === 'problemsAsk' && other.slot === occurrence.slot);
    if (occurrence.purpose === 'problemsReminder' && askNow) skipped.push(occurrence);
    else due.push({ ...occurrence, late });
  }
  return { due, skipped };
}

/**
 * Drops an occurrence a long holiday pushed onto or past the next period's one of the same job:
 * the later one covers both (the 周例会 of the National Day week is the one after it).
 */
function current(period: Map<string, Occurrence>, next: Map<string, Occurrence>): Occurrence[] {
  return [...period.values()].filter((occurrence) => {
    const following = next.get(occurrence.purpose);
    return !following || occurrence.date < following.date;
  });
}

function monthStart(today: IsoDate, offset: number): IsoDate {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
