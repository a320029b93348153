// 撤销: the window withdraws an item it dispatched (sent by mistake, or no longer needed), with a reason. A
// call left with no waiting item stops being chased (use-cases/cancel-empty-call.ts) and the project's phase
// is derived again; the handler updates the unit's card and tells the enterprise (docs/domain.md "Calls").
import type { Acting } from '../core/acting.js';
import { moveTask } from '../domain/task/task-state.js';
import { moveTaskRow } from '../prisma/call-store.js';
import { lockCall, lockProject, lockTask } from '../prisma/lock-rows.js';
import { cancelEmptyCall } from './cancel-empty-call.js';
import { refreshPhase, type PhaseChange } from './refresh-phase.js';
import type { ReasonMissing, TaskRefusal } from './task-refusal.js';

export async function withdrawTask(acting: Acting, taskId: number | undefined, reason: string) {
  const { tx } = acting;
  const found = taskId === undefined ? null : await tx.task.findUnique({ where: { id: taskId }, select: { projectId: true, callId: true } });
  if (!found) return { ok: false, code: 'TASK_NOT_FOUND' } satisfies TaskRefusal;
  // Project, call, task: the one lock order (docs/architecture.md), as 报到 takes them.
  await lockProject(tx, found.projectId);
  await lockCall(tx, found.callId);
  await lockTask(tx, taskId!);
  const task = await tx.task.findUniqueOrThrow({ where: { id: taskId! }, include: { project: true, unit: true } });
  if (!moveTask(task.state, 'cancel').ok) return { ok: false, code: 'TASK_CLOSED', state: task.state } satisfies TaskRefusal;
  if (!reason) return { ok: false, code: 'REASON_MISSING', taskId: task.id } satisfies ReasonMissing;
  const moved = await moveTaskRow(tx, task, 'cancel');
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state } satisfies TaskRefusal;
  await acting.record({
    kind: 'task.withdrawn',
    projectId: task.projectId,
    taskId: task.id,
    before: { state: task.state },
    after: { state: moved.to, reason },
  });
  await cancelEmptyCall(tx, task.callId);
  const phase: PhaseChange | null = await refreshPhase(acting, task.projectId);
  return { ok: true, task, phase } as const;
}
