// Finds the task a task command names and checks that the sender's unit owns it (docs/domain.md
// "People and roles": agents and 责任领导 act only on their own unit's tasks).
import type { RegisteredContext } from '../context.js';
import { canHandleTask } from '../../domain/access/project-access.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { cardTargetOf } from './call-card-key.js';
import { lockProject, lockTask } from './lock-rows.js';
import type { TaskRefusal } from './task-refusal.js';

const include = { project: true, unit: true, planItem: true, call: true } as const;

export type OwnTask = NonNullable<Awaited<ReturnType<typeof findTask>>>;

function findTask(ctx: RegisteredContext, id: number) {
  return ctx.tx.task.findUnique({ where: { id }, include });
}

/**
 * The task of a card click (a call card's buttons act on its only item; an old card names its
 * task), or of the first word after the command (T12 or 12).
 */
export async function taskIdOf(ctx: RegisteredContext, firstArg: string | undefined): Promise<number | undefined> {
  if (ctx.event.type !== 'card_action') return firstArg === undefined ? undefined : parseNumberRef(firstArg, 'T');
  const target = cardTargetOf(ctx.event.cardKey);
  if (target?.kind !== 'call') return target?.id;
  const first = await ctx.tx.task.findFirst({ where: { callId: target.id }, orderBy: { id: 'asc' }, select: { id: true } });
  return first?.id;
}

/** `states`: the task states the command works in; a task in another state is refused. */
export async function loadOwnTask(
  ctx: RegisteredContext,
  taskId: number | undefined,
  states?: readonly string[],
): Promise<{ ok: true; task: OwnTask } | TaskRefusal> {
  const found = taskId === undefined ? null : await ctx.tx.task.findUnique({ where: { id: taskId }, select: { projectId: true } });
  if (!found) return { ok: false, code: 'TASK_NOT_FOUND' };
  // Project first, then task: the one lock order every handler follows (docs/architecture.md).
  await lockProject(ctx.tx, found.projectId);
  await lockTask(ctx.tx, taskId!);
  const task = await findTask(ctx, taskId!);
  if (!task) return { ok: false, code: 'TASK_NOT_FOUND' };
  if (!canHandleTask(ctx.sender, task.unitId)) return { ok: false, code: 'NOT_YOUR_UNIT', unitName: task.unit.name };
  if (states && !states.includes(task.state)) return refuseState(task);
  return { ok: true, task };
}

function refuseState(task: OwnTask): TaskRefusal {
  if (task.state === 'posted') return { ok: false, code: 'TASK_NOT_TAKEN', taskId: task.id };
  if (task.state === 'suspended') return { ok: false, code: 'TASK_SUSPENDED', taskId: task.id };
  return { ok: false, code: 'TASK_CLOSED', state: task.state };
}
