// After the calendar (日历) or the policy (POLICY_FILE, at start) changes, every open call's report
// deadline and every open task's due date are derived again (domain/task/derive-task-clocks.ts): a
// deadline or due date that fell on a day now off moves, and the escalation cycle looks at the call
// when its new time comes. The report deadline belongs to the call, the due date to each item.
import type { Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import { deriveTaskClocks } from '../domain/task/derive-task-clocks.js';
import { openTaskStates } from '../domain/task/task-state.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

/** Returns how many open tasks' deadlines (their call's report deadline or their own due date) moved. */
export async function recomputeTaskClocks(tx: Tx, policy: Policy, now: Date): Promise<number> {
  const calendar = await loadWorkingCalendar(tx);
  const moved = new Set<number>();
  const calls = await tx.call.findMany({
    where: { tasks: { some: { state: { in: [...openTaskStates] } } } },
    include: { tasks: { where: { state: { in: [...openTaskStates] } }, select: { id: true } } },
    orderBy: { id: 'asc' },
  });
  const movedCalls: { id: number; ackDueAt: string; nextEscalationAt: string | null }[] = [];
  for (const call of calls) {
    const clocks = deriveTaskClocks({ ...call, promisedDays: 0, suspensions: [] }, now, policy, calendar);
    if (call.ackDueAt.getTime() === clocks.ackDueAt.getTime()) continue;
    movedCalls.push({ id: call.id, ackDueAt: clocks.ackDueAt.toISOString(), nextEscalationAt: clocks.nextEscalationAt?.toISOString() ?? null });
    for (const task of call.tasks) moved.add(task.id);
  }
  // One statement however many moved: a changed policy can move every open call at start-up, and
  // an update each would outlast the transaction's time limit. A taken call keeps its (spent) timer.
  if (movedCalls.length > 0)
    await tx.$executeRaw`
      UPDATE "Call" AS c SET "ackDueAt" = u.ack_due_at::timestamp, "updatedAt" = ${now.toISOString()}::timestamp,
        "nextEscalationAt" = CASE WHEN c.state = 'posted' THEN u.next_at::timestamp ELSE c."nextEscalationAt" END
      FROM unnest(${movedCalls.map((call) => call.id)}::int[], ${movedCalls.map((call) => call.ackDueAt)}::text[],
        ${movedCalls.map((call) => call.nextEscalationAt)}::text[]) AS u(id, ack_due_at, next_at)
      WHERE c.id = u.id`;
  const open = await tx.task.findMany({
    where: { state: { in: [...openTaskStates] }, takenAt: { not: null } },
    include: { suspensions: true, call: true },
    orderBy: { id: 'asc' },
  });
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
  if (movedTasks.length > 0)
    await tx.$executeRaw`
      UPDATE "Task" AS t SET "dueOn" = u.due_on::date, "updatedAt" = ${now.toISOString()}::timestamp
      FROM unnest(${movedTasks.map((task) => task.id)}::int[], ${movedTasks.map((task) => task.dueOn)}::text[]) AS u(id, due_on)
      WHERE t.id = u.id`;
  return moved.size;
}
