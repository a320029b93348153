// Which plan items a 派单 sends: the named ones, or with none named (or 全部) every item that has
// no task in progress or done. An item whose earlier task was returned may be sent again.
import type { PlanItem } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import { splitList } from '../../domain/commands/parse-command-line.js';
import { resolveCatalogueItem } from '../../domain/references/resolve-catalogue-item.js';

const LIVE_STATES = ['posted', 'taken', 'suspended', 'done'];

export async function choosePlanItems(tx: Tx, projectId: number, words: string[]): Promise<{ chosen: PlanItem[]; problems: string[] }> {
  const items = await tx.planItem.findMany({
    where: { projectId },
    include: { tasks: { where: { state: { in: LIVE_STATES } }, select: { id: true } } },
    orderBy: [{ phase: 'asc' }, { id: 'asc' }],
  });
  const names = words.flatMap(splitList).filter((word) => word !== '全部');
  const problems: string[] = [];
  let wanted = items;
  if (names.length > 0) {
    const aliases = new Map((await tx.catalogueItem.findMany({ select: { code: true, aliases: true } })).map((item) => [item.code, item.aliases]));
    const refs = items.map((item) => ({ item, code: item.itemCode, name: item.itemName, aliases: aliases.get(item.itemCode) ?? [] }));
    wanted = [];
    for (const name of names) {
      const found = resolveCatalogueItem(name, refs);
      if (found.ok) wanted.push(found.value.item);
      else problems.push(found.code === 'AMBIGUOUS' ? `「${name}」有多项：${found.candidates.map((ref) => ref.name).join('、')}` : `方案中没有「${name}」`);
    }
  }
  const chosen: PlanItem[] = [];
  for (const { tasks, ...item } of wanted) {
    if (tasks.length > 0) {
      if (names.length > 0) problems.push(`「${item.itemName}」已派单（T${tasks[0]!.id}）`);
    } else if (item.unitId === null) problems.push(`「${item.itemName}」在名册中没有办理单位`);
    else if (!chosen.some((entry) => entry.id === item.id)) chosen.push(item);
  }
  return { chosen, problems };
}
