// 撤销: the window withdraws an item it dispatched (sent by mistake, or no longer needed), with a
// reason. The unit's card shows it withdrawn, so the unit stops on it; a call left with no waiting
// item stops being chased (handlers/tasks/cancel-empty-call.ts); the enterprise is told, and the
// archive notes it (docs/domain.md "Calls"). 派单 全部 does not send it again; naming it does.
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { stripLabel } from '../../domain/commands/parse-command-line.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { moveTask } from '../../domain/task/task-state.js';
import { moveTaskRow } from '../../prisma/call-store.js';
import { commandLine } from '../shared/command-line.js';
import { lockCall, lockProject, lockTask } from '../shared/lock-rows.js';
import { notifyEnterprise, notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { cancelEmptyCall } from './cancel-empty-call.js';
import { refreshPhase } from './refresh-phase.js';

export async function withdrawTask(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const taskId = line.args[0] === undefined ? undefined : parseNumberRef(line.args[0], 'T');
  const found = taskId === undefined ? null : await ctx.tx.task.findUnique({ where: { id: taskId }, select: { projectId: true, callId: true } });
  if (!found) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_NOT_FOUND' }));
  // Project, call, task: the one lock order (docs/architecture.md), as 报到 takes them.
  await lockProject(ctx.tx, found.projectId);
  await lockCall(ctx.tx, found.callId);
  await lockTask(ctx.tx, taskId!);
  const task = await ctx.tx.task.findUniqueOrThrow({ where: { id: taskId! }, include: { project: true, unit: true } });
  const move = moveTask(task.state, 'cancel');
  if (!move.ok) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_CLOSED', state: task.state }));
  const reason = stripLabel(line.rest, ['原因', '撤销原因']);
  if (!reason) return ctx.reply(describeTaskRefusal({ ok: false, code: 'REASON_REQUIRED', example: `撤销 T${task.id} 企业调整建设方案，暂不办理` }));

  const moved = await moveTaskRow(ctx.tx, task, 'cancel');
  if (!moved.ok) return ctx.reply(describeTaskRefusal({ ok: false, code: 'TASK_CLOSED', state: moved.state }));
  await ctx.record({ kind: 'task.withdrawn', projectId: task.projectId, taskId: task.id, before: { state: task.state }, after: { state: moved.to, reason } });
  await cancelEmptyCall(ctx.tx, task.callId);
  await updateCards(ctx, task.callId, `已撤销：${reason} · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`, task.id);
  await refreshPhase(ctx, task.projectId);
  const text = `T${task.id} ${task.itemName}（P${task.projectId} ${task.project.name}，${task.unit.name}）已撤销，原因：${reason}`;
  const told = await notifyEnterprise(ctx, task.project, text);
  await notifyWindow(ctx, text);
  await ctx.reply(`已撤销 T${task.id} ${task.itemName}，${task.unit.name}${told ? '和企业' : ''}已收到通知。要再派：派单 P${task.projectId} ${task.itemName}`);
}
