// Whoever an escalation step told that nobody came hears that someone did, when the unit reports
// (报到, 002 五(五)): the people the step informed or asked to supervise — not the agents it reminded
// to come, who are the ones arriving. Recorded in the step's event (use-cases/escalate-due-calls.ts) and
// read back by 报到 (use-cases/find-arrival-audience.ts), so the rule runs once, at the step.
import { toldOf, type EscalationAudience } from './build-escalation-notices.js';
import type { EscalationStep } from './plan-escalation.js';

export function arrivalAudience<R>(step: EscalationStep, audience: EscalationAudience<R>, superviseFromDay: number): R[] {
  return toldOf(step, audience, superviseFromDay)
    .filter((told) => told.tone !== 'remind')
    .map((told) => told.recipient);
}
