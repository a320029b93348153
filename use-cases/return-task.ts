// 退回: the application is not accepted, with every reason at once (004 三(二)2: 不符合受理条件，
// 应向项目单位一次性告知不受理原因). A call left with no waiting item is cancelled
// (use-cases/cancel-empty-call.ts); the handler sends the reasons to the enterprise and the window.
import type { Acting } from '../core/acting.js';
import { moveTaskRow } from '../prisma/call-store.js';
import { cancelEmptyCall } from './cancel-empty-call.js';
import { loadOwnTask, type OwnTask } from './load-own-task.js';
import type { ReasonMissing, TaskRefusal } from './task-refusal.js';

export async function returnTask(
  acting: Acting,
  taskId: number | undefined,
  reason: string,
): Promise<TaskRefusal | ReasonMissing | { ok: true; task: OwnTask }> {
  const found = await loadOwnTask(acting.tx, acting.sender, taskId);
  if (!found.ok) return found;
  const { task } = found;
  if (!reason) return { ok: false, code: 'REASON_MISSING', taskId: task.id };
  // The state was read after the lock (loadOwnTask), so 办结 racing 退回 is refused by it, not lost.
  const moved = await moveTaskRow(acting.tx, task, 'return', { returnReason: reason, doneAt: acting.now });
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state };
  await acting.record({
    kind: 'task.returned',
    projectId: task.projectId,
    taskId: task.id,
    before: { state: task.state },
    after: { state: 'returned', reason },
  });
  await cancelEmptyCall(acting.tx, task.callId);
  return { ok: true, task };
}
