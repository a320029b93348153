// 红/黄/绿 lights for the status card (进度, README "Commands"): green on time, yellow when a deadline is
// within policy.warnBeforeWorkingDays working days, red when overdue.
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { shanghaiDate, type IsoDate } from '../calendar/shanghai-time.js';

export type Light = 'green' | 'yellow' | 'red';

export const lightSymbols: Record<Light, string> = { green: '🟢', yellow: '🟡', red: '🔴' };

/** A deadline that is a whole day (promised working days end with the day). */
export function dateLight(dueOn: IsoDate, now: Date, calendar: WorkingCalendar, warnBeforeWorkingDays: number): Light {
  const today = shanghaiDate(now);
  if (today > dueOn) return 'red';
  return addWorkingDays(calendar, today, warnBeforeWorkingDays) >= dueOn ? 'yellow' : 'green';
}

export interface TaskTiming {
  state: string;
  ackDueAt: Date;
  dueOn: IsoDate | null;
  /** When the clock was paused (中止); the light stays as it was then. */
  suspendedAt: Date | null;
}

/**
 * A waiting card is red once its report-to-window time has passed; a taken task follows its
 * promised date; a paused one keeps the light it had when it was paused. Finished tasks have none.
 */
export function taskLight(task: TaskTiming, now: Date, calendar: WorkingCalendar, warnBeforeWorkingDays: number): Light | null {
  if (task.state === 'posted') return now.getTime() >= task.ackDueAt.getTime() ? 'red' : 'green';
  if (task.state !== 'taken' && task.state !== 'suspended') return null;
  if (!task.dueOn) return 'green';
  const at = task.state === 'suspended' && task.suspendedAt ? task.suspendedAt : now;
  return dateLight(task.dueOn, at, calendar, warnBeforeWorkingDays);
}

/** The project's light is its worst one; green when nothing is open. */
export function worstLight(lights: readonly (Light | null)[]): Light {
  if (lights.includes('red')) return 'red';
  if (lights.includes('yellow')) return 'yellow';
  return 'green';
}
