// 报到 (text or the card's button): the called unit arrives at the window and takes the task
// (部门报到, 002 五(五)). The card stops matching the escalation cycle, the minute is recorded, and
// the promised working days start; every copy of the card shows who took it.
import type { RegisteredContext } from '../context.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { numbersOf } from '../../domain/references/split-references.js';
import { commandLine } from '../shared/command-line.js';
import { countOfficeMinutes } from '../../domain/calendar/add-office-minutes.js';
import { deriveTaskClocks } from '../../domain/task/derive-task-clocks.js';
import { loadOwnTask, taskIdOf, type OwnTask } from '../shared/load-own-task.js';
import { findPeople } from '../../prisma/find-people.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal, type TaskRefusal } from '../shared/task-refusal.js';

type TakeOutcome = { ok: true; taskId: number; itemName: string; dueOn: string; dueShown: string } | TaskRefusal;

export async function takeTask(ctx: RegisteredContext): Promise<void> {
  if (ctx.event.type === 'card_action') return replyTaken(ctx, [await take(ctx, taskIdOf(ctx, undefined))]);
  const { refs } = commandLine(ctx);
  // 报到 alone lists the cards waiting for the sender's unit; 报到 P2 takes all of them for P2.
  if (refs.length === 0) return listWaiting(ctx);
  const projectIds = refs.filter((ref) => ref.kind === 'P').map((ref) => ref.number);
  const waiting = projectIds.length === 0 ? [] : await findWaiting(ctx, projectIds);
  if (projectIds.length > 0 && waiting.length === 0)
    return ctx.reply(`${projectIds.map((id) => `P${id}`).join('、')} 没有你单位待报到的任务。发送「报到」查看全部待报到任务。`);
  const taskIds = [...new Set([...numbersOf(refs, 'T'), ...waiting.map((task) => task.id)])];
  const outcomes: TakeOutcome[] = [];
  for (const taskId of taskIds) outcomes.push(await take(ctx, taskId));
  await replyTaken(ctx, outcomes);
}

async function replyTaken(ctx: RegisteredContext, outcomes: TakeOutcome[]): Promise<void> {
  const taken = outcomes.filter((outcome) => outcome.ok);
  const lines = outcomes.map((outcome) =>
    outcome.ok ? `已报到 T${outcome.taskId} ${outcome.itemName}，请于 ${outcome.dueShown} 前办结。` : describeTaskRefusal(outcome),
  );
  if (outcomes.length > 1) lines.unshift(`报到 ${taken.length} 项${outcomes.length > taken.length ? `，${outcomes.length - taken.length} 项未报到` : ''}：`);
  const first = taken[0];
  if (first) lines.push(`请一次性告知企业所需材料：告知 T${first.taskId} 材料1 材料2（不写材料则按事项清单告知）`);
  await ctx.reply(lines.join('\n'));
}

function findWaiting(ctx: RegisteredContext, projectIds?: number[]) {
  return ctx.tx.task.findMany({
    where: { state: 'posted', unitId: ctx.sender.unitId ?? -1, ...(projectIds ? { projectId: { in: projectIds } } : {}) },
    include: { project: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
}

async function listWaiting(ctx: RegisteredContext): Promise<void> {
  const waiting = await findWaiting(ctx);
  if (waiting.length === 0) return ctx.reply('你单位没有待报到的任务。报到时请写任务编号，例如「报到 T12」。');
  const calendar = await loadWorkingCalendar(ctx.tx);
  const lines = waiting.map(
    (task) =>
      `T${task.id} P${task.projectId} ${task.project.name} · ${task.itemName} · ${markProvisional(calendar, shanghaiDate(task.ackDueAt), undefined, formatShanghai(task.ackDueAt))} 前报到`,
  );
  await ctx.reply(
    [
      `你单位待报到的任务 ${waiting.length} 项：`,
      ...lines,
      `发送「报到 T${waiting[0]!.id}」报到，或「报到 ${waiting
        .map((task) => `T${task.id}`)
        .slice(0, 3)
        .join(' ')}」一次报到多项。`,
    ].join('\n'),
  );
}

async function take(ctx: RegisteredContext, taskId: number | undefined): Promise<TakeOutcome> {
  const found = await loadOwnTask(ctx, taskId);
  if (!found.ok) return found;
  const { task } = found;
  if (task.state !== 'posted') return refuseTaken(ctx, task);

  const calendar = await loadWorkingCalendar(ctx.tx);
  const { dueOn } = deriveTaskClocks({ ...task, state: 'taken', takenAt: ctx.now, suspensions: [] }, ctx.now, ctx.policy, calendar) as { dueOn: string };
  // Conditional on the state, so two people pressing 报到 at once cannot both take it.
  const { count } = await ctx.tx.task.updateMany({
    where: { id: task.id, state: 'posted' },
    data: { state: 'taken', takenAt: ctx.now, takenById: ctx.sender.id, nextEscalationAt: null, dueOn: new Date(`${dueOn}T00:00:00Z`) },
  });
  if (count === 0) return refuseTaken(ctx, await ctx.tx.task.findUniqueOrThrow({ where: { id: task.id } }));

  // In office minutes, the clock of 002 五(五); past the deadline it is 超时.
  const minutes = Math.round(countOfficeMinutes(calendar, ctx.policy.officeHours, task.postedAt, ctx.now));
  const late = ctx.now.getTime() > task.ackDueAt.getTime();
  await ctx.record({
    kind: 'task.taken',
    projectId: task.projectId,
    taskId: task.id,
    before: { state: 'posted' },
    after: { state: 'taken', takenAt: ctx.now.toISOString(), minutesAfterPosting: minutes, late, dueOn },
  });
  const status = `已报到 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`;
  // The copies keep working buttons (办结, 退回) instead of turning into a status line.
  await updateCards(ctx, task, status, status);
  const notice = `T${task.id} ${task.itemName}（P${task.projectId}）已由${task.unit.name} ${ctx.sender.name}报到，用时 ${minutes} 分钟${late ? '（超时）' : ''}。`;
  await notifyWindow(ctx, notice);
  // Whoever an escalation told that nobody came now hears that someone did.
  for (const personId of await escalationAudience(ctx, task)) await ctx.send(personId, notice);
  return { ok: true, taskId: task.id, itemName: task.itemName, dueOn, dueShown: markProvisional(calendar, dueOn, shanghaiDate(ctx.now)) };
}

/** The people the fired escalation steps told, other than the window (told above) and the sender. */
async function escalationAudience(ctx: RegisteredContext, task: OwnTask): Promise<number[]> {
  const window = new Set((await findPeople(ctx.tx, 'window')).map((person) => person.id));
  const told = new Set<number>();
  if (task.escalationStep >= 1) for (const person of await findPeople(ctx.tx, 'unit_leader', task.unitId)) told.add(person.id);
  if (task.escalationStep >= 2) {
    if (task.project.leaderId !== null) told.add(task.project.leaderId);
    for (const person of await findPeople(ctx.tx, 'project_office')) told.add(person.id);
  }
  return [...told].filter((id) => !window.has(id) && id !== ctx.sender.id);
}

async function refuseTaken(ctx: RegisteredContext, task: { state: string; takenById: number | null; takenAt: Date | null }): Promise<TaskRefusal> {
  if (task.state !== 'taken' || task.takenById === null || !task.takenAt) return { ok: false, code: 'TASK_CLOSED', state: task.state };
  const by = await ctx.tx.person.findUnique({ where: { id: task.takenById }, select: { name: true } });
  return { ok: false, code: 'TASK_ALREADY_TAKEN', by: by?.name ?? '他人', at: task.takenAt };
}
