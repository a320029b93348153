// 中止: the promised days stop while the enterprise supplements materials or an expert review,
// hearing or test runs — that time does not count (行政许可法 第45条). 恢复 restarts them.
import { statesFor } from '../../domain/task/task-state.js';
import type { RegisteredContext } from '../context.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { moveTaskRow } from '../../prisma/call-store.js';

export async function suspendTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const found = await loadOwnTask(ctx, await taskIdOf(ctx, line.args[0]), statesFor('suspend'));
  if (!found.ok) return ctx.reply(describeTaskRefusal(found));
  const { task } = found;
  const reason = stripLabel(line.rest, ['原因', '中止原因']);
  if (!reason) return ctx.reply(describeTaskRefusal({ ok: false, code: 'REASON_REQUIRED', example: `中止 T${task.id} 企业补正材料` }));

  const moved = await moveTaskRow(ctx.tx, task, 'suspend', { suspendedAt: ctx.now });
  if (!moved.ok) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_CLOSED', state: moved.state }));
  await ctx.tx.taskSuspension.create({ data: { taskId: task.id, reason, from: ctx.now } });
  await ctx.record({ kind: 'task.suspended', projectId: task.projectId, taskId: task.id, before: { state: 'taken' }, after: { state: 'suspended', reason } });
  await notifyEnterprise(ctx, task.project, `T${task.id} ${task.itemName}（P${task.projectId}）中止计时：${reason}。`);
  await notifyWindow(ctx, `T${task.id} ${task.itemName}（P${task.projectId}，${task.unit.name}）中止计时：${reason}。`);
  await ctx.reply(`T${task.id} 已中止计时（${reason}）。恢复时发送「恢复 T${task.id}」。`);
}
