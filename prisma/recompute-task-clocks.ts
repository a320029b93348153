// After the calendar (日历) or the policy (POLICY_FILE, at start) changes, every open task's clocks are derived again
// (domain/task/derive-task-clocks.ts): a report deadline or due date that fell on a day now off
// moves, and the escalation cycle looks at the card when its new time comes.
import type { Tx } from './open-database.js';
import type { Policy } from '../domain/policy.js';
import { deriveTaskClocks } from '../domain/task/derive-task-clocks.js';
import { loadWorkingCalendar } from './load-working-calendar.js';

/** Returns how many tasks' deadlines moved. */
export async function recomputeTaskClocks(tx: Tx, policy: Policy, now: Date): Promise<number> {
  const calendar = await loadWorkingCalendar(tx);
  const open = await tx.task.findMany({ where: { state: { in: ['posted', 'taken', 'suspended'] } }, include: { suspensions: true }, orderBy: { id: 'asc' } });
  let moved = 0;
  for (const task of open) {
    const clocks = deriveTaskClocks(task, now, policy, calendar);
    const dueOn = clocks.dueOn === null ? null : new Date(`${clocks.dueOn}T00:00:00Z`);
    const changed = task.ackDueAt.getTime() !== clocks.ackDueAt.getTime() || (task.dueOn?.getTime() ?? null) !== (dueOn?.getTime() ?? null);
    if (!changed) continue;
    await tx.task.update({
      where: { id: task.id },
      data: { ackDueAt: clocks.ackDueAt, dueOn, ...(task.state === 'posted' && { nextEscalationAt: clocks.nextEscalationAt }) },
    });
    moved += 1;
  }
  return moved;
}
