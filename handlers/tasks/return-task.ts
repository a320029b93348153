// 退回: the application is not accepted, with every reason at once (004 三(二)2: 不符合受理条件，
// 应向项目单位一次性告知不受理原因). The reasons go to the enterprise and the window;
// the call card shows the item returned, and a call left with no waiting item is cancelled.
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { cancelEmptyCall } from './cancel-empty-call.js';
import { moveTaskRow } from '../../prisma/call-store.js';

export async function returnTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const taskId = await taskIdOf(ctx, line.args[0]);
  const found = await loadOwnTask(ctx, taskId);
  if (!found.ok) return ctx.reply(describeTaskRefusal(found));
  const { task } = found;
  // From the card, the reasons are what the person typed into the 退回 button's input.
  const reason = stripLabel(ctx.event.type === 'card_action' ? (ctx.event.input ?? '') : line.rest, ['原因', '退回原因']);
  if (!reason) return ctx.reply(describeTaskRefusal({ ok: false, code: 'REASON_REQUIRED', example: `退回 T${task.id} 缺少用地预审意见、环评批复` }));

  // The state was read after the lock (loadOwnTask), so 办结 racing 退回 is refused by it, not lost.
  const moved = await moveTaskRow(ctx.tx, task, 'return', { returnReason: reason, doneAt: ctx.now });
  if (!moved.ok) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_CLOSED', state: moved.state }));
  await ctx.record({ kind: 'task.returned', projectId: task.projectId, taskId: task.id, before: { state: task.state }, after: { state: 'returned', reason } });
  await cancelEmptyCall(ctx.tx, task.callId);
  await updateCards(ctx, task.callId, `已退回 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`, task.id);
  const text = `T${task.id} ${task.itemName}（P${task.projectId} ${task.project.name}）不予受理，原因：${reason}（${task.unit.name}）`;
  const told = await notifyEnterprise(ctx, task.project, text);
  await notifyWindow(ctx, text);
  await ctx.reply(`已退回 T${task.id}，原因已送专窗${told ? '和企业' : ''}。`);
}
