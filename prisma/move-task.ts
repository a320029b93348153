// Every change of a task's or a call's state goes through the state machine (domain/task/task-state.ts):
// the move is checked against the state the caller read after locking the row (handlers/shared/lock-rows.ts),
// and an illegal one is a coded result, never a silent write. The update is conditional on that state too,
// so a caller that forgot the lock changes nothing rather than overwriting another's move.
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
