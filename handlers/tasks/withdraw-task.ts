// 撤销 (use-cases/withdraw-task.ts): the unit's card shows the item withdrawn, so the unit stops on it; the
// enterprise is told, and the archive notes it (docs/domain.md "Calls"). 派单 全部 does not send it again;
// naming it does.
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { withdrawTask as withdraw } from '../../use-cases/withdraw-task.js';
import { commandLine } from '../shared/command-line.js';
import { notifyEnterprise, notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { tellPhase } from './tell-phase.js';

export async function withdrawTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const taskId = line.args[0] === undefined ? undefined : parseNumberRef(line.args[0], 'T');
  const reason = stripLabel(line.rest, ['原因', '撤销原因']);
  const withdrawn = await withdraw(ctx, taskId, reason);
  if (!withdrawn.ok && withdrawn.code === 'REASON_MISSING')
    return ctx.reply(describeTaskRefusal({ ok: false, code: 'REASON_REQUIRED', example: `撤销 T${withdrawn.taskId} 企业调整建设方案，暂不办理` }));
  if (!withdrawn.ok) return ctx.reply(describeTaskRefusal(withdrawn));
  const { task } = withdrawn;
  await updateCards(ctx, task.callId, `已撤销：${reason} · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`, task.id);
  await tellPhase(ctx, withdrawn.phase);
  const text = `T${task.id} ${task.itemName}（P${task.projectId} ${task.project.name}，${task.unit.name}）已撤销，原因：${reason}`;
  const told = await notifyEnterprise(ctx, task.project, text);
  await notifyWindow(ctx, text);
  await ctx.reply(`已撤销 T${task.id} ${task.itemName}，${task.unit.name}${told ? '和企业' : ''}已收到通知。要再派：派单 P${task.projectId} ${task.itemName}`);
}
