// 中止 (use-cases/suspend-task.ts): the promised days stop; the enterprise and the window are told, and the
// reply says how to restart them.
import type { RegisteredContext } from '../context.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { suspendTask as pause } from '../../use-cases/suspend-task.js';
import { commandLine } from '../shared/command-line.js';
import { taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';

export async function suspendTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const reason = stripLabel(line.rest, ['原因', '中止原因']);
  const paused = await pause(ctx, await taskIdOf(ctx, line.args[0]), reason);
  if (!paused.ok && paused.code === 'REASON_MISSING')
    return ctx.reply(describeTaskRefusal({ ok: false, code: 'REASON_REQUIRED', example: `中止 T${paused.taskId} 企业补正材料` }));
  if (!paused.ok) return ctx.reply(describeTaskRefusal(paused));
  const { task } = paused;
  await notifyEnterprise(ctx, task.project, `T${task.id} ${task.itemName}（P${task.projectId}）中止计时：${reason}。`);
  await notifyWindow(ctx, `T${task.id} ${task.itemName}（P${task.projectId}，${task.unit.name}）中止计时：${reason}。`);
  await ctx.reply(`T${task.id} 已中止计时（${reason}）。恢复时发送「恢复 T${task.id}」。`);
}
