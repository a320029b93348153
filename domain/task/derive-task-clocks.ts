// A task's clocks, derived from what happened to it and the calendar, never stored alone: its
// call's report deadline and next escalation (002 五(五); the state, posting, escalation step and
// 报到 time are the call's, docs/domain.md "Calls"), and the item's own due date — the promised
// working days from 报到, moved by every working day its clock stood still (中止 to 恢复, 行政许可法
// 第45条). 报到, 恢复, the escalation cycle and a calendar change all compute them here, so the
// card, 进度, the lights and the escalation always agree.
import { addWorkingDays, countWorkingDays } from '../calendar/add-working-days.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { shanghaiDate, type IsoDate } from '../calendar/shanghai-time.js';
import { escalationDueAt, planEscalation, type EscalationPolicy } from '../escalation/plan-escalation.js';

export interface TaskHistory {
  state: string;
  postedAt: Date;
  escalationStep: number;
  takenAt: Date | null;
  promisedDays: number;
  /** Finished pauses; a pause still running moves the date when it ends. */
  suspensions: { from: Date; until: Date | null }[];
}

export interface TaskClocks {
  ackDueAt: Date;
  nextEscalationAt: Date | null;
  dueOn: IsoDate | null;
}

/**
 * @example deriveTaskClocks({ state: 'taken', postedAt, escalationStep: 0, takenAt: new Date('2026-11-23T02:00:00Z'),
 *   promisedDays: 3, suspensions: [] }, now, policy, calendar).dueOn // '2026-11-26'
 */
export function deriveTaskClocks(task: TaskHistory, now: Date, policy: EscalationPolicy, calendar: WorkingCalendar): TaskClocks {
  const ackDueAt = escalationDueAt(1, task.postedAt, policy, calendar);
  const { nextAt } = planEscalation(task, now, policy, calendar);
  if (!task.takenAt) return { ackDueAt, nextEscalationAt: nextAt, dueOn: null };
  let dueOn = addWorkingDays(calendar, shanghaiDate(task.takenAt), task.promisedDays);
  for (const pause of task.suspensions) {
    if (pause.until) dueOn = addWorkingDays(calendar, dueOn, countWorkingDays(calendar, shanghaiDate(pause.from), shanghaiDate(pause.until)));
  }
  return { ackDueAt, nextEscalationAt: nextAt, dueOn };
}
