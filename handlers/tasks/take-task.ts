// 报到 (text or the card's button): the called unit arrives at the window and takes the task
// (部门报到, 002 五(五)). The card stops matching the escalation cycle, the minute is recorded, and
// the promised working days start; every copy of the card shows who took it.
import type { RegisteredContext } from '../context.js';
import { addWorkingDays } from '../../domain/calendar/add-working-days.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { loadOwnTask, taskIdOf } from '../shared/load-own-task.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal, type TaskRefusal } from '../shared/task-refusal.js';

type TakeOutcome = { ok: true; taskId: number; itemName: string; dueOn: string } | TaskRefusal;

export async function takeTask(ctx: RegisteredContext): Promise<void> {
  const outcome = await take(ctx, taskIdOf(ctx, commandLine(ctx).args[0]));
  if (!outcome.ok) return ctx.reply(describeTaskRefusal(outcome));
  await ctx.reply(`已报到 T${outcome.taskId} ${outcome.itemName}，请于 ${outcome.dueOn} 前办结。\n请一次性告知企业所需材料：告知 T${outcome.taskId} 材料1 材料2（不写材料则按事项清单告知）`);
}

async function take(ctx: RegisteredContext, taskId: number | undefined): Promise<TakeOutcome> {
  const found = await loadOwnTask(ctx, taskId);
  if (!found.ok) return found;
  const { task } = found;
  if (task.state !== 'posted') return refuseTaken(ctx, task);

  const dueOn = addWorkingDays(await loadWorkingCalendar(ctx.tx), shanghaiDate(ctx.now), task.promisedDays);
  // Conditional on the state, so two people pressing 报到 at once cannot both take it.
  const { count } = await ctx.tx.task.updateMany({
    where: { id: task.id, state: 'posted' },
    data: { state: 'taken', takenAt: ctx.now, takenById: ctx.sender.id, nextEscalationAt: null, dueOn: new Date(`${dueOn}T00:00:00Z`) },
  });
  if (count === 0) return refuseTaken(ctx, await ctx.tx.task.findUniqueOrThrow({ where: { id: task.id } }));

  const minutes = Math.round((ctx.now.getTime() - task.postedAt.getTime()) / 60_000);
  await ctx.record({ kind: 'task.taken', projectId: task.projectId, taskId: task.id, before: { state: 'posted' }, after: { state: 'taken', takenAt: ctx.now.toISOString(), minutesAfterPosting: minutes, dueOn } });
  const status = `已报到 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`;
  // The copies keep working buttons (办结, 退回) instead of turning into a status line.
  await updateCards(ctx, task, status, status);
  await notifyWindow(ctx, `T${task.id} ${task.itemName}（P${task.projectId}）已由${task.unit.name} ${ctx.sender.name}报到，用时 ${minutes} 分钟。`);
  return { ok: true, taskId: task.id, itemName: task.itemName, dueOn };
}

async function refuseTaken(ctx: RegisteredContext, task: { state: string; takenById: number | null; takenAt: Date | null }): Promise<TaskRefusal> {
  if (task.state !== 'taken' || task.takenById === null || !task.takenAt) return { ok: false, code: 'TASK_CLOSED', state: task.state };
  const by = await ctx.tx.person.findUnique({ where: { id: task.takenById }, select: { name: true } });
  return { ok: false, code: 'TASK_ALREADY_TAKEN', by: by?.name ?? '他人', at: task.takenAt };
}
