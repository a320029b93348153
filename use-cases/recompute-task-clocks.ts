// After the calendar (日历) or the policy (POLICY_FILE, at start) changes, every open call's report
// deadline and every open task's due date are derived again (domain/task/derive-task-clocks.ts): a
// deadline or due date that fell on a day now off moves, and the escalation cycle looks at the call
// when its new time comes. The report deadline belongs to the call, the due date to each item.
import type { Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import { deriveTaskClocks } from '../domain/task/derive-task-clocks.js';
import { openTaskStates } from '../domain/task/task-state.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { listOpenCalls, listOpenTakenTasks, rescheduleCalls, setTaskDueDates, type RescheduledCall } from '../prisma/call-store.js';

/** Returns how many open tasks' deadlines (their call's report deadline or their own due date) moved. */
export async function recomputeTaskClocks(tx: Tx, policy: Policy, now: Date): Promise<number> {
  const calendar = await loadWorkingCalendar(tx);
  const moved = new Set<number>();
  const calls = await listOpenCalls(tx, openTaskStates);
  const movedCalls: RescheduledCall[] = [];
  for (const call of calls) {
    const clocks = deriveTaskClocks({ ...call, promisedDays: 0, suspensions: [] }, now, policy, calendar);
    if (call.ackDueAt.getTime() === clocks.ackDueAt.getTime()) continue;
    movedCalls.push({ id: call.id, ackDueAt: clocks.ackDueAt, nextEscalationAt: clocks.nextEscalationAt ?? null });
    for (const task of call.tasks) moved.add(task.id);
  }
  await rescheduleCalls(tx, movedCalls, now);
  const open = await listOpenTakenTasks(tx, openTaskStates);
  const movedTasks: { id: number; dueOn: string | null }[] = [];
  for (const task of open) {
    const { dueOn } = deriveTaskClocks(
      { ...task.call, takenAt: task.takenAt, promisedDays: task.promisedDays, suspensions: task.suspensions },
      now,
      policy,
      calendar,
    );
    if ((task.dueOn?.toISOString().slice(0, 10) ?? null) === dueOn) continue;
    movedTasks.push({ id: task.id, dueOn });
    moved.add(task.id);
  }
  await setTaskDueDates(tx, movedTasks, now);
  return moved.size;
}
