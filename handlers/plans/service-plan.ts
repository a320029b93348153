// 方案: "一个项目、一个方案" (002 五(四)): the items to handle, by the four phases (004 三(一)2), with
// owning unit, materials and promised working days from the catalogue. The first 方案 builds
// the default plan; `方案 P12 增加|删除 <事项…>` edits it.
import type { RegisteredContext } from '../context.js';
import { matchUnit } from '../../domain/catalogue/match-unit.js';
import { stageNames } from '../../domain/project/project-stage.js';
import { commandLine } from '../shared/command-line.js';
import { loadCatalogue } from '../shared/load-catalogue.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { editPlan } from './edit-plan.js';
import { formatPlan } from './format-plan.js';

export async function servicePlan(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '方案 P12'));
  const { project } = lookup;
  if (!['accepted', 'approving', 'started'].includes(project.stage)) {
    return ctx.reply(`P${project.id} ${stageNames[project.stage as keyof typeof stageNames]}，${project.stage === 'signed' ? '请先受理。' : '不能再修改方案。'}`);
  }
  const verb = line.args[1];
  if (verb === '增加' || verb === '删除') return editPlan(ctx, project, verb, line.args.slice(2));

  if (!project.planMadeAt) {
    const units = await ctx.tx.unit.findMany();
    const core = (await loadCatalogue(ctx.tx)).filter((item) => item.core);
    await ctx.tx.planItem.createMany({
      data: core.map((item) => ({
        projectId: project.id,
        itemCode: item.code,
        itemName: item.name,
        phase: item.phase,
        unitId: matchUnit(item.unitNames, units)?.id ?? null,
        materials: item.materials,
        promisedDays: item.promisedDays,
      })),
      skipDuplicates: true,
    });
    await ctx.tx.project.update({ where: { id: project.id }, data: { planMadeAt: ctx.now } });
    await ctx.record({ kind: 'plan.made', projectId: project.id, after: { items: core.map((item) => item.code) } });
  }
  await ctx.reply(await formatPlan(ctx.tx, project));
}
