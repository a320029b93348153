// 恢复: the paused clock runs again (行政许可法 第45条); the due date moves by the working days it
// stood still, counted from the day of 中止 to the day of 恢复.
import type { RegisteredContext } from '../context.js';
import { countWorkingDays } from '../../domain/calendar/add-working-days.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { deriveTaskClocks } from '../../domain/task/derive-task-clocks.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf } from '../shared/load-own-task.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { moveTaskRow } from '../../prisma/call-store.js';

export async function resumeTask(ctx: RegisteredContext): Promise<void> {
  const found = await loadOwnTask(ctx, await taskIdOf(ctx, commandLine(ctx).args[0]));
  if (!found.ok) return ctx.reply(describeTaskRefusal(found));
  const { task } = found;
  if (task.state !== 'suspended' || !task.suspendedAt) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_NOT_SUSPENDED' }));

  const moved = await moveTaskRow(ctx.tx, task, 'resume', { suspendedAt: null });
  if (!moved.ok) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_CLOSED', state: moved.state }));
  const calendar = await loadWorkingCalendar(ctx.tx);
  const paused = countWorkingDays(calendar, shanghaiDate(task.suspendedAt), shanghaiDate(ctx.now));
  const before = task.dueOn ? task.dueOn.toISOString().slice(0, 10) : null;
  await ctx.tx.taskSuspension.updateMany({ where: { taskId: task.id, until: null }, data: { until: ctx.now, pausedWorkingDays: paused } });
  const suspensions = await ctx.tx.taskSuspension.findMany({ where: { taskId: task.id } });
  const { dueOn } = deriveTaskClocks({ ...task.call, takenAt: task.takenAt, promisedDays: task.promisedDays, suspensions }, ctx.now, ctx.policy, calendar);
  await ctx.tx.task.update({ where: { id: task.id }, data: { dueOn: dueOn ? new Date(`${dueOn}T00:00:00Z`) : null } });
  await ctx.record({
    kind: 'task.resumed',
    projectId: task.projectId,
    taskId: task.id,
    before: { state: 'suspended', dueOn: before },
    after: { state: 'taken', dueOn, pausedWorkingDays: paused },
  });
  // Counted from 报到 through the pause, so marked 暂定 if any of it lies in a provisional year.
  const due = dueOn ? `，${markProvisional(calendar, dueOn, task.takenAt ? shanghaiDate(task.takenAt) : dueOn)} 前办结` : '';
  await notifyEnterprise(ctx, task.project, `T${task.id} ${task.itemName}（P${task.projectId}）恢复计时${due}。`);
  await notifyWindow(ctx, `T${task.id} ${task.itemName}（P${task.projectId}，${task.unit.name}）恢复计时，顺延 ${paused} 个工作日${due}。`);
  await ctx.reply(`T${task.id} 已恢复计时，顺延 ${paused} 个工作日${due}。`);
}
