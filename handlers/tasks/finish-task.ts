// 办结 (text or the card's button): the item is done; the result goes to the window and the
// enterprise at once (002 五(五): 办理结果即时反馈). An item is finished only once the enterprise was
// told its materials (一次性告知 at 派单 or 告知) or the unit said it owes nothing more
// (无需补充材料). When a phase's items are all done, the project moves to the next phase.
import { statesFor } from '../../domain/task/task-state.js';
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { NO_MORE_MATERIALS, recordNoMoreMaterials } from './notify-materials.js';
import { refreshPhase } from './refresh-phase.js';
import { moveTaskRow } from '../../prisma/call-store.js';

export async function finishTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const found = await loadOwnTask(ctx, await taskIdOf(ctx, line.args[0]), statesFor('finish'));
  if (!found.ok) return ctx.reply(describeTaskRefusal(found));
  const { task } = found;

  let typed = ctx.event.type === 'card_action' ? (ctx.event.input ?? '') : line.rest;
  // `办结 T6 无需补充材料 结果…` says both at once.
  const settles = typed.startsWith(NO_MORE_MATERIALS);
  if (settles) typed = typed.slice(NO_MORE_MATERIALS.length).replace(/^[\s，,；;]+/, '');
  if (task.noticedAt === null && task.noMoreMaterialsAt === null && !settles) {
    return ctx.reply(
      `T${task.id} 还没有告知企业所需材料，不能办结。请先发送「告知 T${task.id} 材料：材料1、材料2」，或没有需要企业补充的材料时发送「办结 T${task.id} ${NO_MORE_MATERIALS} 结果」。`,
    );
  }
  const result = stripLabel(typed, ['结果', '办理结果']) || '办理完毕';
  // The task is locked and its state checked after the lock (loadOwnTask), so a double click or two
  // people finishing (or one returning) at once change it once: the second is refused by its state.
  const moved = await moveTaskRow(ctx.tx, task, 'finish', { doneAt: ctx.now, result });
  if (!moved.ok) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_CLOSED', state: moved.state }));
  if (settles && task.noMoreMaterialsAt === null) await recordNoMoreMaterials(ctx, task);
  await ctx.record({ kind: 'task.done', projectId: task.projectId, taskId: task.id, before: { state: 'taken' }, after: { state: 'done', result } });
  await updateCards(ctx, task.callId, `已办结 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`, task.id);
  const text = `T${task.id} ${task.itemName}（P${task.projectId} ${task.project.name}）已办结：${result}（${task.unit.name}）`;
  const told = await notifyEnterprise(ctx, task.project, text);
  await notifyWindow(ctx, text);
  await refreshPhase(ctx, task.projectId);
  await ctx.reply(`已办结 T${task.id} ${task.itemName}，结果已送专窗${told ? '和企业' : ''}。`);
}
