// How a unit answers the window (002 五(五)): its cards taken and how long 报到 took in office minutes
// (the minutes the 30-minute clock counts; median and 90th percentile), cards past their 报到 deadline
// and still not taken, and its items finished on time, finished late and overdue now. An item is on
// time as the monthly ranking counts it (domain/schedule/digests/rank-month.ts): finished by its due date.
// The pages count these in the database (prisma/load-unit-service-figures.ts, issue 19 "Speed"); this is
// the rule written out, and test/prisma/load-unit-service-figures.db.test.ts checks the two agree.
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { countOfficeMinutes, type OfficeHours } from '../calendar/add-office-minutes.js';
import { shanghaiDate } from '../calendar/shanghai-time.js';

export interface ServedTask {
  unitId: number;
  callId: number;
  state: string;
  postedAt: Date;
  takenAt: Date | null;
  ackDueAt: Date;
  dueOn: string | null;
  doneAt: Date | null;
}

export interface UnitService {
  unitId: number;
  /** Cards taken since `since`. */
  answered: number;
  /** 报到 office minutes, median and 90th percentile (nearest rank); null with no card taken. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Cards past their 报到 deadline and not taken, now. */
  untaken: number;
  /** Items finished since `since`, by their due date. */
  onTime: number;
  late: number;
  /** Items taken, not paused, past their due date now. */
  overdue: number;
}

export function summarizeUnitService(
  tasks: readonly ServedTask[],
  unitIds: readonly number[],
  { since, now, calendar, officeHours }: { since: Date; now: Date; calendar: WorkingCalendar; officeHours: OfficeHours },
): UnitService[] {
  const today = shanghaiDate(now);
  return unitIds.map((unitId) => {
    const mine = tasks.filter((task) => task.unitId === unitId);
    // A call is taken once for all its items (docs/domain.md "Calls"): one card, one 报到.
    const taken = new Map<number, number>();
    const untaken = new Set<number>();
    for (const task of mine) {
      if (task.takenAt && task.takenAt >= since && task.takenAt <= now)
        taken.set(task.callId, Math.round(countOfficeMinutes(calendar, officeHours, task.postedAt, task.takenAt)));
      if (task.state === 'posted' && task.ackDueAt < now) untaken.add(task.callId);
    }
    const minutes = [...taken.values()].sort((a, b) => a - b);
    const done = mine.filter((task) => task.doneAt && task.doneAt >= since && task.doneAt <= now);
    const onTime = done.filter((task) => !task.dueOn || shanghaiDate(task.doneAt!) <= task.dueOn).length;
    return {
      unitId,
      answered: minutes.length,
      medianMinutes: percentile(minutes, 0.5),
      p90Minutes: percentile(minutes, 0.9),
      untaken: untaken.size,
      onTime,
      late: done.length - onTime,
      overdue: mine.filter((task) => task.state === 'taken' && task.dueOn !== null && task.dueOn < today).length,
    };
  });
}

/** Nearest-rank percentile of sorted values: the smallest value with at least `share` of them at or below it. */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;
}
