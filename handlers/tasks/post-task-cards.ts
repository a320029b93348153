// 派单: 专窗吹哨 (002 五(五)) — the chosen plan items go out as one call per unit: one card
// (任务分送单, 002 附件5) listing the unit's items goes to its agents and 责任领导, and the call's
// report-to-window timer starts, stored on the call for the escalation cycle
// (use-cases/escalate-due-calls.ts). A unit whose call for the project still waits for 报到 gets the new
// items added to that call, with its deadline unchanged (docs/domain.md "Calls"). The enterprise
// receives the whole dispatch's material list once (一次性告知, handlers/tasks/tell-dispatch-materials.ts).
import type { RegisteredContext } from '../context.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { escalationDueAt } from '../../domain/escalation/plan-escalation.js';
import { serviceNames, transitionService } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { buildCallCard } from '../shared/build-call-card.js';
import { AFTER_START_PHASE, choosePlanItems } from './choose-plan-items.js';
import { phaseNames } from '../../domain/catalogue/approval-phases.js';
import { refreshPhase } from './refresh-phase.js';
import { tellDispatchMaterials } from './tell-dispatch-materials.js';

export async function postTaskCards(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '派单 P12 全部'));
  const { project } = lookup;
  const change = transitionService(project.service, 'dispatch');
  if (!change.ok) return ctx.reply(`P${project.id} ${serviceNames[change.service]}，${change.service === 'unaccepted' ? '请先受理。' : '不能派单。'}`);

  // 002 五(三)–(五): team, then plan, then the window's call to the team's units.
  if (!project.teamFormedAt) return ctx.reply(`P${project.id} 还没有组建团队，请先「组建团队 P${project.id}」，再「方案 P${project.id}」，然后派单。`);
  if (!project.planMadeAt) return ctx.reply(`P${project.id} 还没有服务方案，请先发送「方案 P${project.id}」，再派单。`);
  const picked = await choosePlanItems(ctx.tx, project, line.args.slice(1));
  const teamUnitIds = new Set((await ctx.tx.teamUnit.findMany({ where: { projectId: project.id } })).map((unit) => unit.unitId));
  const chosen = picked.chosen.filter((item) => teamUnitIds.has(item.unitId!));
  const problems = [...picked.problems];
  for (const item of picked.chosen.filter((entry) => !chosen.includes(entry))) {
    const unit = await ctx.tx.unit.findUniqueOrThrow({ where: { id: item.unitId! } });
    problems.push(`「${item.itemName}」的办理单位${unit.name}不在团队中，未派单（先「组建团队 P${project.id} 单位 … ${unit.name}」把它加入团队）`);
  }
  const heldLine = describeHeld(project.id, picked.held);
  if (chosen.length === 0 && problems.length === 0)
    return ctx.reply(heldLine ? `没有派出任务。\n${heldLine}` : `P${project.id} 没有待派单的事项。查看方案：方案 P${project.id}`);
  const calendar = await loadWorkingCalendar(ctx.tx);
  const posted: string[] = [];

  const sent: { taskId: number; itemName: string; materials: string[] }[] = [];
  const unitIds = [...new Set(chosen.map((item) => item.unitId!))];
  for (const unitId of unitIds) {
    const items = chosen.filter((item) => item.unitId === unitId);
    const unit = await ctx.tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    const recipients = await ctx.tx.person.findMany({
      where: { active: true, unitId: unit.id, roles: { hasSome: ['agent', 'unit_leader'] } },
      orderBy: { id: 'asc' },
    });
    if (recipients.length === 0) {
      problems.push(`${unit.name}在名册中没有代办员或责任领导，「${items.map((item) => item.itemName).join('」「')}」未派单`);
      continue;
    }
    const waiting = await ctx.tx.call.findFirst({ where: { projectId: project.id, unitId: unit.id, state: 'posted' }, orderBy: { id: 'desc' } });
    const ackDueAt = waiting?.ackDueAt ?? escalationDueAt(1, ctx.now, ctx.policy, calendar);
    const call =
      waiting ??
      (await ctx.tx.call.create({
        data: { projectId: project.id, unitId: unit.id, postedAt: ctx.now, ackDueAt, nextEscalationAt: ackDueAt, dispatchedById: ctx.sender.id },
      }));
    const created = [];
    for (const item of items) {
      const task = await ctx.tx.task.create({
        data: {
          projectId: project.id,
          unitId: unit.id,
          callId: call.id,
          planItemId: item.id,
          itemCode: item.itemCode,
          itemName: item.itemName,
          phase: item.phase,
          promisedDays: item.promisedDays,
          postedAt: ctx.now,
        },
      });
      await ctx.record({
        kind: 'task.posted',
        projectId: project.id,
        taskId: task.id,
        after: {
          itemCode: item.itemCode,
          unitId: unit.id,
          callId: call.id,
          ackDueAt: ackDueAt.toISOString(),
          recipients: recipients.map((person) => person.id),
        },
      });
      created.push(task);
      sent.push({ taskId: task.id, itemName: item.itemName, materials: item.materials });
    }
    const tasks = await ctx.tx.task.findMany({ where: { callId: call.id, state: 'posted' }, orderBy: { id: 'asc' } });
    const card = buildCallCard({
      call,
      project,
      unitName: unit.name,
      tasks,
      dispatcher: ctx.sender.name,
      ackDue: markProvisional(calendar, shanghaiDate(ackDueAt), undefined, formatShanghai(ackDueAt)),
    });
    for (const person of recipients) await ctx.send(person.id, { kind: 'card', card });
    const listed = created.map((task) => `T${task.id} ${task.itemName}（${task.promisedDays} 个工作日）`).join('、');
    posted.push(
      `${unit.name}（${recipients.map((person) => person.name).join('、')}）：${listed}，${markProvisional(calendar, shanghaiDate(ackDueAt), undefined, formatShanghai(ackDueAt))} 前报到${waiting ? `（并入待报到的 ${tasks.length} 项，报到期限不变）` : ''}`,
    );
  }

  if (posted.length > 0 && change.to !== project.service) {
    await ctx.tx.project.update({ where: { id: project.id }, data: { service: change.to } });
    await ctx.record({ kind: 'project.service_changed', projectId: project.id, before: { service: project.service }, after: { service: change.to } });
  }
  if (posted.length > 0) await refreshPhase(ctx, project.id);
  const lines = posted.length > 0 ? [`已派单 ${sent.length} 项，${posted.length} 个单位各收到一个任务：`, ...posted] : ['没有派出任务。'];
  if (sent.length > 0) lines.push(await tellDispatchMaterials(ctx, project, sent));
  if (problems.length > 0) lines.push(`${problems.join('；')}。`);
  if (heldLine) lines.push(heldLine);
  await ctx.reply(lines.join('\n'));
}

/** What 全部 held back, when it goes, and how to send it now. */
function describeHeld(projectId: number, held: readonly { itemName: string }[]): string | null {
  if (held.length === 0) return null;
  const names = held.map((item) => item.itemName);
  return `${phaseNames[AFTER_START_PHASE]}阶段的 ${held.length} 项待开工后派单：${names.join('、')}。登记开工后发送「派单 P${projectId} 全部」派出；现在就派：派单 P${projectId} ${names[0]}`;
}
