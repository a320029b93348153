// The store of calls and their items' states (docs/domain.md "Calls"): every statement on a call's timer
// columns (the escalation cycle's claim and its step writes) and every state move of a call or a task.
// Each state change goes through the state machine (domain/task/task-state.ts): the move is checked against
// the state the caller read after locking the row (prisma/lock-rows.ts), and an illegal one is a
// coded result, never a silent write. The update is conditional on that state too, so a caller that forgot
// the lock changes nothing rather than overwriting another's move. Instants pass as Date values.
import type { Prisma } from '../generated/prisma/client.js';
import { moveCall, moveTask, type CallMove, type CallState, type TaskMove, type TaskState } from '../domain/task/task-state.js';
import type { Tx } from './open-database.js';

export type Moved<S> = { ok: true; to: S } | { ok: false; code: 'ILLEGAL_MOVE'; state: string };

/** Moves one task from the state read (`task.state`), writing `data` with it. */
export async function moveTaskRow(
  tx: Tx,
  task: { id: number; state: string },
  move: TaskMove,
  data: Omit<Prisma.TaskUncheckedUpdateManyInput, 'state'> = {},
): Promise<Moved<TaskState>> {
  const moved = moveTask(task.state, move);
  if (!moved.ok) return { ok: false, code: 'ILLEGAL_MOVE', state: task.state };
  const { count } = await tx.task.updateMany({ where: { id: task.id, state: task.state }, data: { ...data, state: moved.to } });
  return count === 1 ? moved : { ok: false, code: 'ILLEGAL_MOVE', state: (await tx.task.findUnique({ where: { id: task.id } }))?.state ?? 'missing' };
}

/** Moves one call from the state read (`call.state`), writing `data` with it. */
export async function moveCallRow(
  tx: Tx,
  call: { id: number; state: string },
  move: CallMove,
  data: Omit<Prisma.CallUncheckedUpdateManyInput, 'state'> = {},
): Promise<Moved<CallState>> {
  const moved = moveCall(call.state, move);
  if (!moved.ok) return { ok: false, code: 'ILLEGAL_MOVE', state: call.state };
  const { count } = await tx.call.updateMany({ where: { id: call.id, state: call.state }, data: { ...data, state: moved.to } });
  return count === 1 ? moved : { ok: false, code: 'ILLEGAL_MOVE', state: (await tx.call.findUnique({ where: { id: call.id } }))?.state ?? 'missing' };
}

/**
 * Claims up to `limit` posted calls whose next escalation has come, oldest due first, with FOR UPDATE
 * SKIP LOCKED: racing instances never claim the same call, and a call taken meanwhile no longer matches.
 */
export async function claimDueCalls(tx: Tx, now: Date, limit: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Call"
    WHERE state = 'posted' AND "nextEscalationAt" <= ${now}
    ORDER BY "nextEscalationAt", id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  return rows.map((row) => row.id);
}

/** The claimed calls with what their notices name: project, unit and the items still waiting. */
export async function loadCallsToEscalate(tx: Tx, ids: readonly number[]) {
  return tx.call.findMany({
    where: { id: { in: [...ids] } },
    include: { project: true, unit: true, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
}

export interface EscalatedStep {
  id: number;
  step: number;
  /** The next time the cycle must look at the call; null when no step is left. */
  nextAt: Date | null;
}

/** Writes each call's step and next escalation time in one statement. */
export async function recordEscalatedSteps(tx: Tx, steps: readonly EscalatedStep[], now: Date): Promise<void> {
  if (steps.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Call" AS c SET "escalationStep" = u.step, "nextEscalationAt" = u.next_at, "updatedAt" = ${now}
    FROM unnest(${steps.map((s) => s.id)}::int[], ${steps.map((s) => s.step)}::int[], ${steps.map((s) => s.nextAt)}::timestamp[]) AS u(id, step, next_at)
    WHERE c.id = u.id`;
}

/** Calls with an open item, each with its open items' ids: what a calendar or policy change derives again. */
export async function listOpenCalls(tx: Tx, openStates: readonly string[]) {
  return tx.call.findMany({
    where: { tasks: { some: { state: { in: [...openStates] } } } },
    include: { tasks: { where: { state: { in: [...openStates] } }, select: { id: true } } },
    orderBy: { id: 'asc' },
  });
}

/** Open items already taken, with their pauses and their call: whose due dates a calendar change moves. */
export async function listOpenTakenTasks(tx: Tx, openStates: readonly string[]) {
  return tx.task.findMany({
    where: { state: { in: [...openStates] }, takenAt: { not: null } },
    include: { suspensions: true, call: true },
    orderBy: { id: 'asc' },
  });
}

export interface RescheduledCall {
  id: number;
  ackDueAt: Date;
  nextEscalationAt: Date | null;
}

/**
 * Writes calls' new report deadlines in one statement however many moved: a changed policy can move every
 * open call at start-up, and an update each would outlast the transaction's time limit. A taken call keeps
 * its (spent) timer.
 */
export async function rescheduleCalls(tx: Tx, calls: readonly RescheduledCall[], now: Date): Promise<void> {
  if (calls.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Call" AS c SET "ackDueAt" = u.ack_due_at, "updatedAt" = ${now},
      "nextEscalationAt" = CASE WHEN c.state = 'posted' THEN u.next_at ELSE c."nextEscalationAt" END
    FROM unnest(${calls.map((call) => call.id)}::int[], ${calls.map((call) => call.ackDueAt)}::timestamp[],
      ${calls.map((call) => call.nextEscalationAt)}::timestamp[]) AS u(id, ack_due_at, next_at)
    WHERE c.id = u.id`;
}

/** Writes items' due dates (`YYYY-MM-DD`, a calendar day rather than an instant) in one statement. */
export async function setTaskDueDates(tx: Tx, tasks: readonly { id: number; dueOn: string | null }[], now: Date): Promise<void> {
  if (tasks.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Task" AS t SET "dueOn" = u.due_on::date, "updatedAt" = ${now}
    FROM unnest(${tasks.map((task) => task.id)}::int[], ${tasks.map((task) => task.dueOn)}::text[]) AS u(id, due_on)
    WHERE t.id = u.id`;
}
