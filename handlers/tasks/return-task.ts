// 退回 (text or the card's button; use-cases/return-task.ts): the reasons go to the enterprise and the window,
// and the call card shows the item returned.
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { returnTask as giveBack } from '../../use-cases/return-task.js';
import { commandLine } from '../shared/command-line.js';
import { taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';

export async function returnTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const taskId = await taskIdOf(ctx, line.args[0]);
  // From the card, the reasons are what the person typed into the 退回 button's input.
  const reason = stripLabel(ctx.event.type === 'card_action' ? (ctx.event.input ?? '') : line.rest, ['原因', '退回原因']);
  const returned = await giveBack(ctx, taskId, reason);
  if (!returned.ok && returned.code === 'REASON_MISSING')
    return ctx.reply(describeTaskRefusal({ ok: false, code: 'REASON_REQUIRED', example: `退回 T${returned.taskId} 缺少用地预审意见、环评批复` }));
  if (!returned.ok) return ctx.reply(describeTaskRefusal(returned));
  const { task } = returned;
  await updateCards(ctx, task.callId, `已退回 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`, task.id);
  const text = `T${task.id} ${task.itemName}（P${task.projectId} ${task.project.name}）不予受理，原因：${reason}（${task.unit.name}）`;
  const told = await notifyEnterprise(ctx, task.project, text);
  await notifyWindow(ctx, text);
  await ctx.reply(`已退回 T${task.id}，原因已送专窗${told ? '和企业' : ''}。`);
}
