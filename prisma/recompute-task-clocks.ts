// After the calendar (日历) or the policy (POLICY_FILE, at start) changes, every open call's report
// deadline and every open task's due date are derived again (domain/task/derive-task-clocks.ts): a
// deadline or due date that fell on a day now off moves, and the escalation cycle looks at the call
// when its new time comes. The report deadline belongs to the call, the due date to each item.
import type { Tx } from './open-database.js';
import type { Policy } from '../domain/policy.js';
import { deriveTaskClocks } from '../domain/task/derive-task-clocks.js';
import { openTaskStates } from '../domain/task/task-state.js';
import { loadWorkingCalendar } from './load-working-calendar.js';

/** Returns how many open tasks' deadlines (their call's report deadline or their own due date) moved. */
export async function recomputeTaskClocks(tx: Tx, policy: Policy, now: Date): Promise<number> {
  const calendar = await loadWorkingCalendar(tx);
  const moved = new Set<number>();
  const calls = await tx.call.findMany({
    where: { tasks: { some: { state: { in: [...openTaskStates] } } } },
    include: { tasks: { where: { state: { in: [...openTaskStates] } }, select: { id: true } } },
    orderBy: { id: 'asc' },
  });
  for (const call of calls) {
    const clocks = deriveTaskClocks({ ...call, promisedDays: 0, suspensions: [] }, now, policy, calendar);
    if (call.ackDueAt.getTime() === clocks.ackDueAt.getTime()) continue;
    await tx.call.update({
      where: { id: call.id },
      data: { ackDueAt: clocks.ackDueAt, ...(call.state === 'posted' && { nextEscalationAt: clocks.nextEscalationAt }) },
    });
    for (const task of call.tasks) moved.add(task.id);
  }
  const open = await tx.task.findMany({
    where: { state: { in: [...openTaskStates] }, takenAt: { not: null } },
    include: { suspensions: true, call: true },
    orderBy: { id: 'asc' },
  });
  for (const task of open) {
    const { dueOn: due } = deriveTaskClocks(
      { ...task.call, takenAt: task.takenAt, promisedDays: task.promisedDays, suspensions: task.suspensions },
      now,
      policy,
      calendar,
    );
    const dueOn = due === null ? null : new Date(`${due}T00:00:00Z`);
    if ((task.dueOn?.getTime() ?? null) === (dueOn?.getTime() ?? null)) continue;
    await tx.task.update({ where: { id: task.id }, data: { dueOn } });
    moved.add(task.id);
  }
  return moved.size;
}
