// 办结项目 / 终止: service ends with 办结单, or stops with 终止单 and its reason (002 五(八)). The
// enterprise is asked to rate the service (满意度评价, 002 五(九)). Terminating cancels open task
// cards; 办结 waits until no task is open. The project's own stage is apart: after 办结 it still
// moves on (开工, 投产, 入库); after 终止 it stays (docs/domain.md "Project life cycle").
import { openTaskStates } from '../../domain/task/task-state.js';
import type { RegisteredContext } from '../context.js';
import { serviceNames, transitionService } from '../../domain/project/service-state.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise, notifyLeader, notifyWindow, updateCards } from '../shared/notify.js';
import { cancelEmptyCall } from '../tasks/cancel-empty-call.js';
import { moveTaskRow } from '../../prisma/call-store.js';

export function endProject(action: 'close' | 'terminate') {
  const word = action === 'close' ? '办结项目' : '终止';
  return async function run(ctx: RegisteredContext): Promise<void> {
    const line = commandLine(ctx);
    const lookup = await loadProject(ctx, line.args[0]);
    if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, action === 'close' ? '办结项目 P12' : '终止 P12 企业主动撤回'));
    const { project } = lookup;
    const change = transitionService(project.service, action);
    if (!change.ok) return ctx.reply(`P${project.id} ${serviceNames[change.service]}，不能${word}。`);
    const reason = stripLabel(line.rest, ['原因', '终止原因']);
    if (action === 'terminate' && !reason) return ctx.reply(`请写明终止原因，例如「终止 P${project.id} 企业主动撤回」。`);
    const open = await ctx.tx.task.findMany({ where: { projectId: project.id, state: { in: [...openTaskStates] } }, orderBy: { id: 'asc' } });
    if (action === 'close' && open.length > 0)
      return ctx.reply(`P${project.id} 还有 ${open.length} 个任务未办结：${open.map((task) => `T${task.id}`).join('、')}。`);

    for (const task of open) {
      // The project is locked (loadProject), so its open tasks are as read: a refused move is a bug.
      const moved = await moveTaskRow(ctx.tx, task, 'cancel');
      if (!moved.ok) throw new Error(`task ${task.id} cannot be cancelled from ${moved.state}`);
      await ctx.record({ kind: 'task.cancelled', projectId: project.id, taskId: task.id, before: { state: task.state }, after: { state: 'cancelled' } });
    }
    for (const callId of new Set(open.map((task) => task.callId))) {
      await cancelEmptyCall(ctx.tx, callId);
      await updateCards(ctx, callId, '已撤销 · 项目终止');
    }
    const problems = action === 'terminate' ? await closeOpenProblems(ctx, project.id) : 0;
    await ctx.tx.project.update({ where: { id: project.id }, data: { service: change.to, endedAt: ctx.now, endReason: reason || null } });
    await ctx.record({
      kind: action === 'close' ? 'project.closed' : 'project.terminated',
      projectId: project.id,
      before: { service: project.service },
      after: { service: change.to, reason: reason || undefined },
    });

    const what = action === 'close' ? '帮办代办服务已办结' : `帮办代办服务已终止，原因：${reason}`;
    await notifyWindow(ctx, `P${project.id} ${project.name} ${what}。`);
    await notifyLeader(ctx, project, `P${project.id} ${project.name} ${what}。`);
    const told = await notifyEnterprise(ctx, project, `P${project.id} ${project.name} ${what}。请为本次服务评价：评价 P${project.id} 5 意见（1–5 分）`);
    const undone = [open.length > 0 && `撤销了 ${open.length} 个未办结任务`, problems > 0 && `${problems} 个未销号问题随项目终止销号`].filter(Boolean);
    await ctx.reply(`P${project.id} ${what}${undone.length > 0 ? `，${undone.join('，')}` : ''}。${told ? '已请企业评价。' : ''}`);
  };
}

/**
 * A terminated project's problems are nobody's to solve any more: they are closed, marked 项目终止 in the
 * archive, and leave the leaders' Wednesday digest and the Friday 周例会 agenda (003 一(三)5(1)).
 */
async function closeOpenProblems(ctx: RegisteredContext, projectId: number): Promise<number> {
  const problems = await ctx.tx.problem.findMany({ where: { projectId, state: { not: 'closed' } }, orderBy: { id: 'asc' } });
  for (const problem of problems) {
    await ctx.tx.problem.update({ where: { id: problem.id }, data: { state: 'closed', closedAt: ctx.now } });
    await ctx.record({
      kind: 'problem.closed',
      projectId,
      before: { problemId: problem.id, state: problem.state },
      after: { problemId: problem.id, state: 'closed', reason: '项目终止' },
    });
  }
  return problems.length;
}
