// 中止: the promised days stop while the enterprise supplements materials or an expert review, hearing or
// test runs — that time does not count (行政许可法 第45条). 恢复 restarts them (use-cases/resume-task.ts).
import type { Acting } from '../core/acting.js';
import { statesFor } from '../domain/task/task-state.js';
import { moveTaskRow } from '../prisma/call-store.js';
import { loadOwnTask, type OwnTask } from './load-own-task.js';
import type { ReasonMissing, TaskRefusal } from './task-refusal.js';

export async function suspendTask(
  acting: Acting,
  taskId: number | undefined,
  reason: string,
): Promise<TaskRefusal | ReasonMissing | { ok: true; task: OwnTask }> {
  const found = await loadOwnTask(acting.tx, acting.sender, taskId, statesFor('suspend'));
  if (!found.ok) return found;
  const { task } = found;
  if (!reason) return { ok: false, code: 'REASON_MISSING', taskId: task.id };
  const moved = await moveTaskRow(acting.tx, task, 'suspend', { suspendedAt: acting.now });
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state };
  await acting.tx.taskSuspension.create({ data: { taskId: task.id, reason, from: acting.now } });
  await acting.record({
    kind: 'task.suspended',
    projectId: task.projectId,
    taskId: task.id,
    before: { state: 'taken' },
    after: { state: 'suspended', reason },
  });
  return { ok: true, task };
}
