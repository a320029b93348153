// 一次性告知 at 派单 (002 五(五); 004 三(二)1): the enterprise receives, once, every material the
// dispatched items need, from each item's catalogue materials, grouped by item. Each task keeps its
// list (Task.noticeMaterials) and the event holds the whole list, so it can be shown to a contact
// who binds later; a unit's later notice for an item is a 补充告知 (use-cases/notify-materials.ts).
import type { Acting } from '../core/acting.js';
import { findPerson } from '../core/recipients/find-people.js';

export interface DispatchedItem {
  taskId: number;
  itemName: string;
  materials: string[];
}

export interface MaterialsTold {
  /** The items with materials, as told. */
  listed: DispatchedItem[];
  /** The bound, active enterprise contact to tell; null when nobody is bound yet. */
  contactId: number | null;
}

export async function tellDispatchMaterials(
  { tx, now, record }: Pick<Acting, 'tx' | 'now' | 'record'>,
  project: { id: number; contactPersonId: number | null },
  items: readonly DispatchedItem[],
): Promise<MaterialsTold> {
  const listed = items.filter((item) => item.materials.length > 0);
  if (listed.length === 0) return { listed, contactId: null };
  for (const item of listed) await tx.task.update({ where: { id: item.taskId }, data: { noticeMaterials: item.materials, noticedAt: now } });
  const contactId = (await findPerson(tx, project.contactPersonId))?.id ?? null;
  await record({
    kind: 'project.materials_told',
    projectId: project.id,
    after: { told: contactId !== null, items: listed.map(({ taskId, itemName, materials }) => ({ taskId, itemName, materials })) },
  });
  return { listed, contactId };
}
