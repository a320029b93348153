// 恢复 (use-cases/resume-task.ts): the clock runs again; the enterprise and the window hear the new due date.
import type { RegisteredContext } from '../context.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { resumeTask as restart } from '../../use-cases/resume-task.js';
import { commandLine } from '../shared/command-line.js';
import { taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';

export async function resumeTask(ctx: RegisteredContext): Promise<void> {
  const resumed = await restart(ctx, await taskIdOf(ctx, commandLine(ctx).args[0]));
  if (!resumed.ok) return ctx.reply(describeTaskRefusal(resumed));
  const { task, pausedWorkingDays: paused, dueOn, calendar } = resumed;
  // Counted from 报到 through the pause, so marked 暂定 if any of it lies in a provisional year.
  const due = dueOn ? `，${markProvisional(calendar, dueOn, task.takenAt ? shanghaiDate(task.takenAt) : dueOn)} 前办结` : '';
  await notifyEnterprise(ctx, task.project, `T${task.id} ${task.itemName}（P${task.projectId}）恢复计时${due}。`);
  await notifyWindow(ctx, `T${task.id} ${task.itemName}（P${task.projectId}，${task.unit.name}）恢复计时，顺延 ${paused} 个工作日${due}。`);
  await ctx.reply(`T${task.id} 已恢复计时，顺延 ${paused} 个工作日${due}。`);
}
