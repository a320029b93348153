// 方案: "一个项目、一个方案" (002 五(四)): the items to handle, by the four phases (004 三(一)2), with
// owning unit, materials and promised working days from the catalogue. 002 orders the work: the
// team (五(三)) comes first and the plan is made by it, so the first 方案 builds the default plan
// from the items the team's units own; `方案 P12 增加|删除 <事项…>` edits it.
import type { RegisteredContext } from '../context.js';
import { matchUnit } from '../../domain/catalogue/match-unit.js';
import { serviceNames, serviceRunning, type ServiceState } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { loadCatalogue } from '../../use-cases/load-catalogue.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { editPlan } from './edit-plan.js';
import { formatPlan } from './format-plan.js';

export async function servicePlan(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '方案 P12'));
  const { project } = lookup;
  if (!serviceRunning(project.service)) {
    return ctx.reply(
      `P${project.id} ${serviceNames[project.service as ServiceState]}，${project.service === 'unaccepted' ? '请先受理。' : '不能再修改方案。'}`,
    );
  }
  if (!project.teamFormedAt || project.leaderId === null) {
    return ctx.reply(
      `P${project.id} 还没有组建团队。方案由团队制定（一个项目、一名领导、一批人员），请先发送「组建团队 P${project.id} 领导 姓名 单位 单位名1 单位名2」。`,
    );
  }
  const verb = line.args[1];
  if (verb === '增加' || verb === '删除') return editPlan(ctx, project, verb, line.args.slice(2));

  let leftOut: string[] = [];
  if (!project.planMadeAt) {
    const units = await ctx.tx.unit.findMany();
    const teamUnitIds = new Set((await ctx.tx.teamUnit.findMany({ where: { projectId: project.id } })).map((unit) => unit.unitId));
    const defaults = (await loadCatalogue(ctx.tx)).filter((item) => item.core);
    const core = defaults.filter((item) => teamUnitIds.has(matchUnit(item.unitNames, units)?.id ?? -1));
    leftOut = defaults.filter((item) => !core.includes(item)).map((item) => item.name);
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
  const note =
    leftOut.length > 0
      ? `\n团队中没有办理这些事项的单位，未列入方案：${leftOut.join('、')}。需要时先把单位加入团队，再「方案 P${project.id} 增加 事项」。`
      : '';
  await ctx.reply(`${await formatPlan(ctx.tx, project)}${note}`);
}
