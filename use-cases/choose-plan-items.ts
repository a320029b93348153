// Which plan items a 派单 sends: the named ones, or with none named (or 全部) every item that has
// no task in progress or done and that can start now. 全部 holds back the 竣工验收 phase until the
// project has started (开工): an acceptance sent at the start would run its promised days out before
// anything is built (docs/domain.md "Calls"); naming an item sends it anyway. An item whose earlier
// task was returned may be sent again; one withdrawn (撤销) only when named.
import type { Phase } from '../domain/catalogue/approval-phases.js';
import type { PlanItem } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import { splitList } from '../domain/commands/parse-command-line.js';
import { resolveCatalogueItem } from '../domain/references/resolve-catalogue-item.js';

const LIVE_STATES = ['posted', 'taken', 'suspended', 'done', 'cancelled'];
/** The phase that waits for 开工 (domain/catalogue/approval-phases.ts). */
export const AFTER_START_PHASE: Phase = 4;

/** Why a named item is not sent; handlers/tasks/describe-plan-problem.ts words it. */
export type PlanItemProblem =
  | { kind: 'ambiguous'; name: string; candidates: string[] }
  | { kind: 'not-in-plan'; name: string }
  | { kind: 'already-posted'; itemName: string; taskId: number }
  | { kind: 'no-unit'; itemName: string };

export interface ChosenItems {
  chosen: PlanItem[];
  /** Items 全部 held back until 开工. */
  held: PlanItem[];
  problems: PlanItemProblem[];
}

export async function choosePlanItems(tx: Tx, project: { id: number; startedOn: Date | null }, words: string[]): Promise<ChosenItems> {
  const items = await tx.planItem.findMany({
    where: { projectId: project.id },
    include: { tasks: { where: { state: { in: LIVE_STATES } }, select: { id: true, state: true }, orderBy: { id: 'desc' } } },
    orderBy: [{ phase: 'asc' }, { id: 'asc' }],
  });
  const names = words.flatMap(splitList).filter((word) => word !== '全部');
  const problems: PlanItemProblem[] = [];
  let wanted = items;
  if (names.length > 0) {
    const aliases = new Map((await tx.catalogueItem.findMany({ select: { code: true, aliases: true } })).map((item) => [item.code, item.aliases]));
    const refs = items.map((item) => ({ item, code: item.itemCode, name: item.itemName, aliases: aliases.get(item.itemCode) ?? [] }));
    wanted = [];
    for (const name of names) {
      const found = resolveCatalogueItem(name, refs);
      if (found.ok) wanted.push(found.value.item);
      else
        problems.push(
          found.code === 'AMBIGUOUS' ? { kind: 'ambiguous', name, candidates: found.candidates.map((ref) => ref.name) } : { kind: 'not-in-plan', name },
        );
    }
  }
  const chosen: PlanItem[] = [];
  const held: PlanItem[] = [];
  for (const { tasks, ...item } of wanted) {
    const live = tasks.find((task) => task.state !== 'cancelled');
    if (live) {
      if (names.length > 0) problems.push({ kind: 'already-posted', itemName: item.itemName, taskId: live.id });
    } else if (tasks.length > 0 && names.length === 0) continue;
    else if (item.unitId === null) problems.push({ kind: 'no-unit', itemName: item.itemName });
    else if (names.length === 0 && item.phase >= AFTER_START_PHASE && project.startedOn === null) held.push(item);
    else if (!chosen.some((entry) => entry.id === item.id)) chosen.push(item);
  }
  return { chosen, held, problems };
}
