// What the enterprise has been told to supply, item by item (一次性告知 and 补充告知, 002 五(五);
// 004 三(二)1): each task's notice list (Task.noticeMaterials, the 一次性告知 with every 补充告知
// added) and, from the notice events, when each went out. The one place that reads the notices:
// 进度 and the message a contact receives on binding both use it.
import type { Tx } from '../prisma/open-database.js';

export interface MaterialNotice {
  taskId: number;
  itemName: string;
  unitName: string;
  /** Everything the enterprise was told for this item, supplements included. */
  materials: string[];
  noticedAt: Date | null;
  /** When each 补充告知 went out. */
  supplementedAt: Date[];
}

export async function readMaterialNotices(tx: Tx, projectId: number): Promise<MaterialNotice[]> {
  const tasks = await tx.task.findMany({ where: { projectId, noticeMaterials: { isEmpty: false } }, include: { unit: true }, orderBy: { id: 'asc' } });
  const supplements = await tx.event.findMany({
    where: { projectId, kind: 'task.notified_again', taskId: { in: tasks.map((task) => task.id) } },
    select: { taskId: true, at: true },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  return tasks.map((task) => ({
    taskId: task.id,
    itemName: task.itemName,
    unitName: task.unit.name,
    materials: task.noticeMaterials,
    noticedAt: task.noticedAt,
    supplementedAt: supplements.filter((event) => event.taskId === task.id).map((event) => event.at),
  }));
}
