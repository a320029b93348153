// 办结: the item is done. An item is finished only once the enterprise was told its materials (一次性告知 at
// 派单 or 告知) or the unit said it owes nothing more (无需补充材料), which 办结 may say itself (`settles`).
// When a phase's items are all done, the project moves to the next phase (use-cases/refresh-phase.ts). The
// handler (handlers/tasks/finish-task.ts) sends the result to the window and the enterprise at once
// (002 五(五): 办理结果即时反馈).
import type { Acting } from '../core/acting.js';
import { statesFor } from '../domain/task/task-state.js';
import { moveTaskRow } from '../prisma/call-store.js';
import { loadOwnTask, type OwnTask } from './load-own-task.js';
import { recordNoMoreMaterials } from './notify-materials.js';
import { refreshPhase, type PhaseChange } from './refresh-phase.js';
import type { TaskRefusal } from './task-refusal.js';

export type FinishResult =
  TaskRefusal | { ok: false; code: 'MATERIALS_NOT_TOLD'; taskId: number } | { ok: true; task: OwnTask; result: string; phase: PhaseChange | null };

export async function finishTask(acting: Acting, taskId: number | undefined, { settles, result }: { settles: boolean; result: string }): Promise<FinishResult> {
  const found = await loadOwnTask(acting.tx, acting.sender, taskId, statesFor('finish'));
  if (!found.ok) return found;
  const { task } = found;
  if (task.noticedAt === null && task.noMoreMaterialsAt === null && !settles) return { ok: false, code: 'MATERIALS_NOT_TOLD', taskId: task.id };
  // The task is locked and its state checked after the lock (loadOwnTask), so a double click or two
  // people finishing (or one returning) at once change it once: the second is refused by its state.
  const moved = await moveTaskRow(acting.tx, task, 'finish', { doneAt: acting.now, result });
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state };
  if (settles && task.noMoreMaterialsAt === null) await recordNoMoreMaterials(acting, task);
  await acting.record({ kind: 'task.done', projectId: task.projectId, taskId: task.id, before: { state: 'taken' }, after: { state: 'done', result } });
  return { ok: true, task, result, phase: await refreshPhase(acting, task.projectId) };
}
