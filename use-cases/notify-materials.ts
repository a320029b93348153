// 告知: after the one-time notice sent at 派单 (一次性告知, 002 五(五); 004 三(二)1 —
// use-cases/tell-dispatch-materials.ts), a unit's notice for one of its items is a 补充告知: it adds to the
// item's list, and the handler (handlers/tasks/notify-materials.ts) tells the bound enterprise contact and the
// window, so the enterprise never holds two lists that disagree. "No more materials" records that the
// enterprise owes nothing more for the item, which 办结 needs when no materials were told (use-cases/finish-task.ts).
import type { Acting } from '../core/acting.js';
import { loadOwnTask, type OwnTask } from './load-own-task.js';
import type { TaskRefusal } from './task-refusal.js';

/** No more materials; the list as it stands (nothing named); materials to add. */
export type MaterialsRequest = { kind: 'no-more' } | { kind: 'ask' } | { kind: 'add'; materials: string[] };

export type MaterialsResult =
  | TaskRefusal
  | { ok: true; kind: 'no-more'; task: OwnTask }
  | { ok: true; kind: 'ask'; task: OwnTask }
  | { ok: true; kind: 'added'; task: OwnTask; added: string[] };

export async function notifyMaterials(acting: Acting, taskId: number | undefined, request: MaterialsRequest): Promise<MaterialsResult> {
  const found = await loadOwnTask(acting.tx, acting.sender, taskId, ['taken', 'suspended']);
  if (!found.ok) return found;
  const { task } = found;
  if (request.kind === 'no-more') {
    if (task.noMoreMaterialsAt === null) await recordNoMoreMaterials(acting, task);
    return { ok: true, kind: 'no-more', task };
  }
  if (request.kind === 'ask') return { ok: true, kind: 'ask', task };
  const { materials } = request;
  // A supplement adds to what the enterprise was told; the first notice's time stays.
  const all = [...task.noticeMaterials, ...materials.filter((material) => !task.noticeMaterials.includes(material))];
  await acting.tx.task.update({ where: { id: task.id }, data: { noticeMaterials: all, ...(task.noticedAt === null && { noticedAt: acting.now }) } });
  await acting.record({
    kind: 'task.notified_again',
    projectId: task.projectId,
    taskId: task.id,
    before: { noticeMaterials: task.noticeMaterials },
    after: { noticeMaterials: all, added: materials },
  });
  return { ok: true, kind: 'added', task, added: materials };
}

/** The unit says the enterprise owes nothing more for this item. */
export async function recordNoMoreMaterials({ tx, now, record }: Pick<Acting, 'tx' | 'now' | 'record'>, task: OwnTask): Promise<void> {
  await tx.task.update({ where: { id: task.id }, data: { noMoreMaterialsAt: now } });
  await record({ kind: 'task.no_more_materials', projectId: task.projectId, taskId: task.id, after: { noticeMaterials: task.noticeMaterials } });
}
