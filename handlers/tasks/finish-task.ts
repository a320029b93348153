// 办结 (text or the card's button; use-cases/finish-task.ts): the result goes to the window and the
// enterprise at once (002 五(五): 办理结果即时反馈), every copy of the card shows it, and the window hears
// when the project moves to its next phase.
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { finishTask as finish } from '../../use-cases/finish-task.js';
import { commandLine } from '../shared/command-line.js';
import { taskIdOf } from '../shared/load-own-task.js';
import { notifyEnterprise, notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { NO_MORE_MATERIALS } from './notify-materials.js';
import { tellPhase } from './tell-phase.js';

export async function finishTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  let typed = ctx.event.type === 'card_action' ? (ctx.event.input ?? '') : line.rest;
  // `办结 T6 无需补充材料 结果…` says both at once.
  const settles = typed.startsWith(NO_MORE_MATERIALS);
  if (settles) typed = typed.slice(NO_MORE_MATERIALS.length).replace(/^[\s，,；;]+/, '');
  const result = stripLabel(typed, ['结果', '办理结果']) || '办理完毕';
  const done = await finish(ctx, await taskIdOf(ctx, line.args[0]), { settles, result });
  if (!done.ok && done.code === 'MATERIALS_NOT_TOLD')
    return ctx.reply(
      `T${done.taskId} 还没有告知企业所需材料，不能办结。请先发送「告知 T${done.taskId} 材料：材料1、材料2」，或没有需要企业补充的材料时发送「办结 T${done.taskId} ${NO_MORE_MATERIALS} 结果」。`,
    );
  if (!done.ok) return ctx.reply(describeTaskRefusal(done));
  const { task } = done;
  await updateCards(ctx, task.callId, `已办结 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`, task.id);
  const text = `T${task.id} ${task.itemName}（P${task.projectId} ${task.project.name}）已办结：${result}（${task.unit.name}）`;
  const told = await notifyEnterprise(ctx, task.project, text);
  await notifyWindow(ctx, text);
  await tellPhase(ctx, done.phase);
  await ctx.reply(`已办结 T${task.id} ${task.itemName}，结果已送专窗${told ? '和企业' : ''}。`);
}
