// The report-to-window timer (专窗吹哨、部门报到, 002 五(五)) as data: each card stores the
// time of its next escalation step, and a short cycle fires whatever is due (GoAlert's
// next_escalation). Step 1 at ackTimeoutMinutes, step 2 at secondEscalationMinutes, both counted
// in office minutes from posting; each fires once, and never after the card is taken.
import { addOfficeMinutes, type OfficeHours } from '../calendar/add-office-minutes.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';

export type EscalationStep = 1 | 2;

export interface EscalationPolicy {
  ackTimeoutMinutes: number;
  secondEscalationMinutes: number;
  officeHours: OfficeHours;
}

export interface EscalationState {
  state: string;
  postedAt: Date;
  /** Steps already fired: 0, 1 or 2. */
  escalationStep: number;
}

const STEP_MINUTES: Record<EscalationStep, keyof EscalationPolicy> = {
  1: 'ackTimeoutMinutes',
  2: 'secondEscalationMinutes',
};

/** When step `step` falls due for a card posted at `postedAt`. */
export function escalationDueAt(step: EscalationStep, postedAt: Date, policy: EscalationPolicy, calendar: WorkingCalendar): Date {
  return addOfficeMinutes(calendar, policy.officeHours, postedAt, policy[STEP_MINUTES[step]] as number);
}

/**
 * The steps due at `now` that have not fired yet, in order, and the next time the card must be
 * looked at (null when nothing is left). A card that is no longer waiting for 报到 has none.
 * After downtime both steps may be due at once: each still fires exactly once.
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
  return { due, nextAt: null };
}
