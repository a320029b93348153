// The report-to-window timer (专窗吹哨、部门报到, 002 五(五)) as data: each card stores the
// time of its next escalation step, and a short cycle fires whatever is due (GoAlert's
// next_escalation). Step 1 at ackTimeoutMinutes, step 2 at secondEscalationMinutes, both counted
// in office minutes from posting; then, while nobody takes the card, a morning chase on every
// working day after the posting day (002 五(六) 跟踪、提醒、督办; docs/domain.md "Calls"): step
// 2 + k is the chase of the k-th working day. Each fires once, and never after the card is taken,
// returned or withdrawn.
import { addOfficeMinutes, type OfficeHours } from '../calendar/add-office-minutes.js';
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { clockToMs, shanghaiDate, shanghaiInstant } from '../calendar/shanghai-time.js';

/** 1 and 2: the minute steps; 3 and above: the morning chase of working day `step - 2` (chaseDayOf). */
export type EscalationStep = number;

export interface EscalationPolicy {
  ackTimeoutMinutes: number;
  secondEscalationMinutes: number;
  officeHours: OfficeHours;
  untakenChase: { time: string; superviseFromDay: number };
}

export interface EscalationState {
  state: string;
  postedAt: Date;
  /** Steps already fired: 0, 1, 2, or 2 + the last working day chased. */
  escalationStep: number;
}

/** The working day (1, 2, …after the posting day) a chase step stands for; 0 for the minute steps. */
export const chaseDayOf = (step: EscalationStep): number => Math.max(0, step - 2);

/** When minute step 1 or 2 falls due for a card posted at `postedAt`. */
export function escalationDueAt(step: 1 | 2, postedAt: Date, policy: EscalationPolicy, calendar: WorkingCalendar): Date {
  return addOfficeMinutes(calendar, policy.officeHours, postedAt, step === 1 ? policy.ackTimeoutMinutes : policy.secondEscalationMinutes);
}

function chaseAt(day: number, postedAt: Date, policy: EscalationPolicy, calendar: WorkingCalendar): Date {
  return shanghaiInstant(addWorkingDays(calendar, shanghaiDate(postedAt), day), clockToMs(policy.untakenChase.time));
}

/**
 * The steps due at `now` that have not fired yet, in order, and the next time the card must be
 * looked at (null when nothing is left). A card that is no longer waiting for 报到 has none.
 * After downtime every minute step still fires once, and the missed mornings are caught up by
 * the latest of them alone (one chase, not one per lost day). A morning at or before step 2
 * is skipped: that step has just told the same people.
 */
export function planEscalation(
  task: EscalationState,
  now: Date,
  policy: EscalationPolicy,
  calendar: WorkingCalendar,
): { due: EscalationStep[]; nextAt: Date | null } {
  if (task.state !== 'posted') return { due: [], nextAt: null };
  const due: EscalationStep[] = [];
  for (const step of [1, 2] as const) {
    if (step <= task.escalationStep) continue;
    const at = escalationDueAt(step, task.postedAt, policy, calendar);
    if (at.getTime() > now.getTime()) return { due, nextAt: at };
    due.push(step);
  }
  const second = escalationDueAt(2, task.postedAt, policy, calendar).getTime();
  let latest = 0;
  for (let day = chaseDayOf(task.escalationStep) + 1; ; day += 1) {
    const at = chaseAt(day, task.postedAt, policy, calendar);
    if (at.getTime() <= second) continue;
    if (at.getTime() > now.getTime()) {
      if (latest > 0) due.push(latest + 2);
      return { due, nextAt: at };
    }
    latest = day;
  }
}
