// 一次性告知 at 派单 (002 五(五); 004 三(二)1): the enterprise receives, once, every material the
// dispatched items need, from each item's catalogue materials, grouped by item. Each task keeps its
// list (Task.noticeMaterials) and the event holds the whole list, so it can be shown to a contact
// who binds later; a unit's later notice for an item is a 补充告知 (handlers/tasks/notify-materials.ts).
import type { RegisteredContext } from '../context.js';
import { notifyEnterprise } from '../shared/notify.js';

export interface DispatchedItem {
  taskId: number;
  itemName: string;
  materials: string[];
}

/** Returns the line for the window's reply. */
export async function tellDispatchMaterials(
  ctx: RegisteredContext,
  project: { id: number; name: string; contactPersonId: number | null },
  items: DispatchedItem[],
): Promise<string> {
  const listed = items.filter((item) => item.materials.length > 0);
  if (listed.length === 0) return '这些事项没有材料清单，办结前请各单位「告知 T… 材料：…」或「告知 T… 无需补充材料」。';
  for (const item of listed) await ctx.tx.task.update({ where: { id: item.taskId }, data: { noticeMaterials: item.materials, noticedAt: ctx.now } });
  const text = [
    `【一次性告知】P${project.id} ${project.name} 办理以下事项需要企业提供的全部材料：`,
    ...listed.map((item) => `「${item.itemName}」（T${item.taskId}）\n${item.materials.map((material, index) => `${index + 1}. ${material}`).join('\n')}`),
  ].join('\n');
  const told = await notifyEnterprise(ctx, project, text);
  await ctx.record({
    kind: 'project.materials_told',
    projectId: project.id,
    after: { told, items: listed.map(({ taskId, itemName, materials }) => ({ taskId, itemName, materials })) },
  });
  const count = listed.reduce((sum, item) => sum + item.materials.length, 0);
  return told
    ? `已向企业一次性告知 ${listed.length} 个事项的 ${count} 项材料。`
    : `${listed.length} 个事项的 ${count} 项材料已记录；企业联络员尚未绑定，绑定后可查看，请先转告企业。`;
}
