// 派单: 专窗吹哨 (002 五(五)) — the chosen plan items go out as one call per unit (use-cases/post-calls.ts):
// one card (任务分送单, 002 附件5) listing the unit's items goes to its agents and 责任领导. The enterprise
// receives the whole dispatch's material list once (一次性告知, handlers/tasks/say-dispatch-materials.ts).
import type { RegisteredContext } from '../context.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { serviceNames } from '../../domain/project/service-state.js';
import { phaseNames } from '../../domain/catalogue/approval-phases.js';
import { AFTER_START_PHASE } from '../../use-cases/choose-plan-items.js';
import { postCalls } from '../../use-cases/post-calls.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal } from '../shared/load-project.js';
import { buildCallCard } from '../shared/build-call-card.js';
import { describePlanProblem } from './describe-plan-problem.js';
import { tellPhase } from './tell-phase.js';
import { sayDispatchMaterials } from './say-dispatch-materials.js';

export async function postTaskCards(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const result = await postCalls(ctx, line.args[0], line.args.slice(1));
  if (result.kind === 'project-refused') return ctx.reply(describeProjectRefusal(result.refusal, '派单 P12 全部'));
  const { project } = result;
  if (result.kind === 'not-dispatchable')
    return ctx.reply(`P${project.id} ${serviceNames[result.service]}，${result.service === 'unaccepted' ? '请先受理。' : '不能派单。'}`);
  if (result.kind === 'no-team') return ctx.reply(`P${project.id} 还没有组建团队，请先「组建团队 P${project.id}」，再「方案 P${project.id}」，然后派单。`);
  if (result.kind === 'no-plan') return ctx.reply(`P${project.id} 还没有服务方案，请先发送「方案 P${project.id}」，再派单。`);
  const heldLine = describeHeld(project.id, result.held);
  if (result.kind === 'nothing') return ctx.reply(heldLine ? `没有派出任务。\n${heldLine}` : `P${project.id} 没有待派单的事项。查看方案：方案 P${project.id}`);

  const { calls, calendar } = result;
  const posted: string[] = [];
  for (const { call, unitName, recipients, created, tasks, merged } of calls) {
    const ackDue = markProvisional(calendar, shanghaiDate(call.ackDueAt), undefined, formatShanghai(call.ackDueAt));
    const card = buildCallCard({ call, project, unitName, tasks, dispatcher: ctx.sender.name, ackDue });
    for (const person of recipients) await ctx.send(person.id, { kind: 'card', card });
    const listed = created.map((task) => `T${task.id} ${task.itemName}（${task.promisedDays} 个工作日）`).join('、');
    posted.push(
      `${unitName}（${recipients.map((person) => person.name).join('、')}）：${listed}，${ackDue} 前报到${merged ? `（并入待报到的 ${tasks.length} 项，报到期限不变）` : ''}`,
    );
  }
  await tellPhase(ctx, result.phase);
  const sent = calls.reduce((sum, call) => sum + call.created.length, 0);
  const lines = posted.length > 0 ? [`已派单 ${sent} 项，${posted.length} 个单位各收到一个任务：`, ...posted] : ['没有派出任务。'];
  if (result.materials) lines.push(await sayDispatchMaterials(ctx, project, result.materials));
  if (result.problems.length > 0) lines.push(`${result.problems.map((problem) => describePlanProblem(problem, project.id)).join('；')}。`);
  if (heldLine) lines.push(heldLine);
  await ctx.reply(lines.join('\n'));
}

/** What 全部 held back, when it goes, and how to send it now. */
function describeHeld(projectId: number, held: readonly { itemName: string }[]): string | null {
  if (held.length === 0) return null;
  const names = held.map((item) => item.itemName);
  return `${phaseNames[AFTER_START_PHASE]}阶段的 ${held.length} 项待开工后派单：${names.join('、')}。登记开工后发送「派单 P${projectId} 全部」派出；现在就派：派单 P${projectId} ${names[0]}`;
}
