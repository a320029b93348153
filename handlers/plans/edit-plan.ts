// `方案 P12 增加|删除 <事项…>`: items not in the catalogue can be added or dropped as the project
// needs (002 五(二)(四): 可根据实际情况增加或者减少). A dispatched item stays: its task is on record.
import type { Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { matchUnit } from '../../domain/catalogue/match-unit.js';
import { splitList } from '../../domain/commands/parse-command-line.js';
import { resolveCatalogueItem } from '../../domain/references/resolve-catalogue-item.js';
import { loadCatalogue } from '../../use-cases/load-catalogue.js';
import { formatPlan } from './format-plan.js';

export async function editPlan(ctx: RegisteredContext, project: Project, verb: '增加' | '删除', words: string[]): Promise<void> {
  const names = words.flatMap(splitList);
  if (names.length === 0) return ctx.reply(`请写明事项，例如「方案 P${project.id} ${verb} 环评」。`);
  const catalogue = await loadCatalogue(ctx.tx);
  const planned = await ctx.tx.planItem.findMany({ where: { projectId: project.id }, include: { _count: { select: { tasks: true } } } });
  const problems: string[] = [];
  const changed: string[] = [];

  for (const name of names) {
    if (verb === '增加') {
      const found = resolveCatalogueItem(name, catalogue);
      if (!found.ok) {
        problems.push(found.code === 'AMBIGUOUS' ? `「${name}」有多项：${found.candidates.map((item) => item.name).join('、')}` : `事项目录中没有「${name}」`);
        continue;
      }
      const item = found.value;
      if (planned.some((entry) => entry.itemCode === item.code) || changed.includes(item.code)) continue;
      await ctx.tx.planItem.create({
        data: {
          projectId: project.id,
          itemCode: item.code,
          itemName: item.name,
          phase: item.phase,
          unitId: matchUnit(item.unitNames, await ctx.tx.unit.findMany())?.id ?? null,
          materials: item.materials,
          promisedDays: item.promisedDays,
        },
      });
      changed.push(item.code);
    } else {
      const found = resolveCatalogueItem(
        name,
        planned.map((entry) => ({
          ...entry,
          code: entry.itemCode,
          name: entry.itemName,
          aliases: catalogue.find((item) => item.code === entry.itemCode)?.aliases,
        })),
      );
      if (!found.ok) {
        problems.push(`方案中没有「${name}」`);
        continue;
      }
      if (found.value._count.tasks > 0) {
        problems.push(`「${found.value.itemName}」已派单，不能删除`);
        continue;
      }
      await ctx.tx.planItem.delete({ where: { id: found.value.id } });
      changed.push(found.value.itemCode);
    }
  }
  if (changed.length > 0) {
    await ctx.record({
      kind: 'plan.changed',
      projectId: project.id,
      before: { items: planned.map((entry) => entry.itemCode) },
      after: verb === '增加' ? { added: changed } : { removed: changed },
    });
  }
  const head = problems.length > 0 ? `${problems.join('；')}。\n` : '';
  await ctx.reply(`${head}${await formatPlan(ctx.tx, project)}`);
}
