// Finds the task a task command names, locks it, and checks that the sender's unit owns it (docs/domain.md
// "People and roles": agents and 责任领导 act only on their own unit's tasks).
import type { Tx } from '../prisma/open-database.js';
import type { Sender } from '../core/acting.js';
import { canHandleTask } from '../domain/access/project-access.js';
import { lockProject, lockTask } from '../prisma/lock-rows.js';
import type { TaskRefusal } from './task-refusal.js';

const include = { project: true, unit: true, planItem: true, call: true } as const;

export type OwnTask = NonNullable<Awaited<ReturnType<typeof findTask>>>;

function findTask(tx: Tx, id: number) {
  return tx.task.findUnique({ where: { id }, include });
}

/** A call card's buttons act on its first item. */
export async function firstTaskOfCall(tx: Tx, callId: number): Promise<number | undefined> {
  const first = await tx.task.findFirst({ where: { callId }, orderBy: { id: 'asc' }, select: { id: true } });
  return first?.id;
}

/** `states`: the task states the command works in; a task in another state is refused. */
export async function loadOwnTask(
  tx: Tx,
  sender: Sender,
  taskId: number | undefined,
  states?: readonly string[],
): Promise<{ ok: true; task: OwnTask } | TaskRefusal> {
  const found = taskId === undefined ? null : await tx.task.findUnique({ where: { id: taskId }, select: { projectId: true } });
  if (!found) return { ok: false, code: 'TASK_NOT_FOUND' };
  // Project first, then task: the one lock order every handler follows (docs/architecture.md).
  await lockProject(tx, found.projectId);
  await lockTask(tx, taskId!);
  const task = await findTask(tx, taskId!);
  if (!task) return { ok: false, code: 'TASK_NOT_FOUND' };
  if (!canHandleTask(sender, task.unitId)) return { ok: false, code: 'NOT_YOUR_UNIT', unitName: task.unit.name };
  if (states && !states.includes(task.state)) return refuseState(task);
  return { ok: true, task };
}

function refuseState(task: OwnTask): TaskRefusal {
  if (task.state === 'posted') return { ok: false, code: 'TASK_NOT_TAKEN', taskId: task.id };
  if (task.state === 'suspended') return { ok: false, code: 'TASK_SUSPENDED', taskId: task.id };
  return { ok: false, code: 'TASK_CLOSED', state: task.state };
}
