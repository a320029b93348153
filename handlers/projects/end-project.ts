// 办结项目 / 终止 (use-cases/end-project.ts): service ends with 办结单, or stops with 终止单 and its reason
// (002 五(八)); the cancelled cards show it, the window, the leader and the enterprise are told, and the
// enterprise is asked to rate the service (满意度评价, 002 五(九)). The project's own stage is apart: after
// 办结 it still moves on (开工, 投产, 入库); after 终止 it stays (docs/domain.md "Project life cycle").
import type { RegisteredContext } from '../context.js';
import { serviceNames } from '../../domain/project/service-state.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { endProject as end } from '../../use-cases/end-project.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise, notifyLeader, notifyWindow, updateCards } from '../shared/notify.js';

export function endProject(action: 'close' | 'terminate') {
  const word = action === 'close' ? '办结项目' : '终止';
  return async function run(ctx: RegisteredContext): Promise<void> {
    const line = commandLine(ctx);
    const lookup = await loadProject(ctx, line.args[0]);
    if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, action === 'close' ? '办结项目 P12' : '终止 P12 企业主动撤回'));
    const { project } = lookup;
    const reason = stripLabel(line.rest, ['原因', '终止原因']);
    const ended = await end(ctx, project, action, reason);
    if (ended.kind === 'not-allowed') return ctx.reply(`P${project.id} ${serviceNames[ended.service]}，不能${word}。`);
    if (ended.kind === 'reason-missing') return ctx.reply(`请写明终止原因，例如「终止 P${project.id} 企业主动撤回」。`);
    if (ended.kind === 'tasks-open')
      return ctx.reply(`P${project.id} 还有 ${ended.taskIds.length} 个任务未办结：${ended.taskIds.map((id) => `T${id}`).join('、')}。`);

    for (const callId of ended.callIds) await updateCards(ctx, callId, '已撤销 · 项目终止');
    const what = action === 'close' ? '帮办代办服务已办结' : `帮办代办服务已终止，原因：${reason}`;
    await notifyWindow(ctx, `P${project.id} ${project.name} ${what}。`);
    await notifyLeader(ctx, project, `P${project.id} ${project.name} ${what}。`);
    const told = await notifyEnterprise(ctx, project, `P${project.id} ${project.name} ${what}。请为本次服务评价：评价 P${project.id} 5 意见（1–5 分）`);
    const { cancelledTasks: cancelled, closedProblems: problems } = ended;
    const undone = [cancelled > 0 && `撤销了 ${cancelled} 个未办结任务`, problems > 0 && `${problems} 个未销号问题随项目终止销号`].filter(Boolean);
    await ctx.reply(`P${project.id} ${what}${undone.length > 0 ? `，${undone.join('，')}` : ''}。${told ? '已请企业评价。' : ''}`);
  };
}
