// 报到 (text or the card's button): the called unit arrives at the window once per call and takes
// every item of it (部门报到, 002 五(五); docs/domain.md "Calls"). The call stops matching the
// escalation cycle, the minutes are recorded, each item's promised working days start, and every
// copy of the card shows who took it. `报到 T<n>` with any item of a call takes the call.
import type { RegisteredContext } from '../context.js';
import { clockToMs, formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { countOfficeMinutes } from '../../domain/calendar/add-office-minutes.js';
import { formatWorkingDuration } from '../../domain/calendar/format-duration.js';
import { canHandleTask } from '../../domain/access/project-access.js';
import { numbersOf } from '../../domain/references/split-references.js';
import { deriveTaskClocks } from '../../domain/task/derive-task-clocks.js';
import { commandLine } from '../shared/command-line.js';
import { lockCall, lockProject } from '../shared/lock-rows.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal, type TaskRefusal } from '../shared/task-refusal.js';
import { cardTargetOf } from '../shared/call-card-key.js';
import { findArrivalAudience } from '../../use-cases/find-arrival-audience.js';
import { moveCallRow, moveTaskRow } from '../../prisma/call-store.js';

type Taken = { ok: true; items: { taskId: number; itemName: string; dueShown: string }[] };
type TakeOutcome = (Taken | TaskRefusal) & { asked: string };

export async function takeCall(ctx: RegisteredContext): Promise<void> {
  if (ctx.event.type === 'card_action') {
    const target = cardTargetOf(ctx.event.cardKey);
    const callId = target?.kind === 'task' ? await callOfTask(ctx, target.id) : target?.id;
    return replyTaken(ctx, [await take(ctx, callId, '')]);
  }
  const { refs } = commandLine(ctx);
  // 报到 alone lists the calls waiting for the sender's unit; 报到 P2 takes all of them for P2.
  if (refs.length === 0) return listWaiting(ctx);
  const projectIds = refs.filter((ref) => ref.kind === 'P').map((ref) => ref.number);
  const waiting = projectIds.length === 0 ? [] : await findWaiting(ctx, projectIds);
  if (projectIds.length > 0 && waiting.length === 0)
    return ctx.reply(`${projectIds.map((id) => `P${id}`).join('、')} 没有你单位待报到的任务。发送「报到」查看全部待报到任务。`);
  // Each call once, however many of its items were named.
  const asked: { callId: number | undefined; label: string }[] = waiting.map((call) => ({ callId: call.id, label: `P${call.projectId}` }));
  for (const taskId of numbersOf(refs, 'T')) {
    const callId = await callOfTask(ctx, taskId);
    if (callId === undefined || !asked.some((entry) => entry.callId === callId)) asked.push({ callId, label: `T${taskId}` });
  }
  const outcomes: TakeOutcome[] = [];
  for (const { callId, label } of asked) outcomes.push(await take(ctx, callId, label));
  await replyTaken(ctx, outcomes);
}

async function callOfTask(ctx: RegisteredContext, taskId: number): Promise<number | undefined> {
  return (await ctx.tx.task.findUnique({ where: { id: taskId }, select: { callId: true } }))?.callId;
}

async function replyTaken(ctx: RegisteredContext, outcomes: TakeOutcome[]): Promise<void> {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      lines.push(`${outcome.asked && outcomes.length > 1 ? `${outcome.asked}：` : ''}${describeTaskRefusal(outcome)}`);
      continue;
    }
    const items = outcome.items.map((item) => `T${item.taskId} ${item.itemName}（${item.dueShown} 前办结）`);
    lines.push(`已报到 ${items.join('、')}。`);
  }
  const first = outcomes.find((outcome): outcome is Taken & { asked: string } => outcome.ok)?.items[0];
  if (first)
    lines.push(`请逐项办理：办结 T${first.taskId} 结果；材料另有补充时「告知 T${first.taskId} 材料：…」，没有则「告知 T${first.taskId} 无需补充材料」。`);
  await ctx.reply(lines.join('\n'));
}

function findWaiting(ctx: RegisteredContext, projectIds?: number[]) {
  return ctx.tx.call.findMany({
    where: { state: 'posted', unitId: ctx.sender.unitId ?? -1, ...(projectIds ? { projectId: { in: projectIds } } : {}) },
    include: { project: { select: { name: true } }, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
}

async function listWaiting(ctx: RegisteredContext): Promise<void> {
  const waiting = await findWaiting(ctx);
  if (waiting.length === 0) return ctx.reply('你单位没有待报到的任务。收到任务后，点卡片上的「报到」或发送卡片上写的「报到 T编号」。');
  const calendar = await loadWorkingCalendar(ctx.tx);
  const lines = waiting.map(
    (call) =>
      `P${call.projectId} ${call.project.name}：${call.tasks.map((task) => `T${task.id} ${task.itemName}`).join('、')} · ${markProvisional(calendar, shanghaiDate(call.ackDueAt), undefined, formatShanghai(call.ackDueAt))} 前报到`,
  );
  const examples = waiting.map((call) => `T${call.tasks[0]?.id}`);
  await ctx.reply(
    [
      `你单位待报到 ${waiting.length} 个任务（报到一个任务即接下它的全部事项）：`,
      ...lines,
      `发送「报到 ${examples[0]}」报到${waiting.length > 1 ? `，或「报到 ${examples.slice(0, 3).join(' ')}」一次报到多个项目` : ''}。`,
    ].join('\n'),
  );
}

async function take(ctx: RegisteredContext, callId: number | undefined, asked: string): Promise<TakeOutcome> {
  const found = callId === undefined ? null : await ctx.tx.call.findUnique({ where: { id: callId }, select: { projectId: true } });
  if (!found) return { ok: false, code: 'TASK_NOT_FOUND', asked };
  // Project first, then call, then its tasks: the one lock order (docs/architecture.md).
  await lockProject(ctx.tx, found.projectId);
  await lockCall(ctx.tx, callId!);
  const call = await ctx.tx.call.findUniqueOrThrow({
    where: { id: callId },
    include: { project: true, unit: true, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
  });
  if (!canHandleTask(ctx.sender, call.unitId)) return { ok: false, code: 'NOT_YOUR_UNIT', unitName: call.unit.name, asked };
  if (call.state !== 'posted') return { ...(await refuseTaken(ctx, call)), asked };

  const calendar = await loadWorkingCalendar(ctx.tx);
  // In office minutes, the clock of 002 五(五); past the deadline it is 超时. Kept on the call for the 单位 pages.
  const minutes = Math.round(countOfficeMinutes(calendar, ctx.policy.officeHours, call.postedAt, ctx.now));
  // The call is locked and its state checked above, so of two people pressing 报到 at once the second is refused.
  const moved = await moveCallRow(ctx.tx, call, 'take', { takenAt: ctx.now, takenById: ctx.sender.id, nextEscalationAt: null, ackMinutes: minutes });
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state, asked };

  const late = ctx.now.getTime() > call.ackDueAt.getTime();
  const items: Taken['items'] = [];
  for (const task of call.tasks) {
    const { dueOn } = deriveTaskClocks(
      { ...call, state: moved.to, takenAt: ctx.now, promisedDays: task.promisedDays, suspensions: [] },
      ctx.now,
      ctx.policy,
      calendar,
    ) as {
      dueOn: string;
    };
    // The call is locked and its items read posted after the lock: a refused move is a bug, not a race.
    const taken = await moveTaskRow(ctx.tx, task, 'take', { takenAt: ctx.now, dueOn: new Date(`${dueOn}T00:00:00Z`) });
    if (!taken.ok) throw new Error(`task ${task.id} cannot be taken from ${taken.state}`);
    await ctx.record({
      kind: 'task.taken',
      projectId: call.projectId,
      taskId: task.id,
      before: { state: 'posted' },
      after: { state: 'taken', callId: call.id, takenAt: ctx.now.toISOString(), minutesAfterPosting: minutes, late, dueOn },
    });
    items.push({ taskId: task.id, itemName: task.itemName, dueShown: markProvisional(calendar, dueOn, shanghaiDate(ctx.now)) });
  }
  await updateCards(ctx, call.id, `已报到 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`);
  const what = call.tasks.map((task) => `T${task.id} ${task.itemName}`).join('、');
  const notice = `${what}（P${call.projectId}）已由${call.unit.name} ${ctx.sender.name}报到，用时 ${formatWorkingDuration(minutes, workdayMinutes(ctx.policy.officeHours))}${late ? '（超时）' : ''}。`;
  await notifyWindow(ctx, notice);
  // Whoever an escalation told that nobody came now hears that someone did.
  for (const personId of await findArrivalAudience(ctx.tx, call, ctx.sender.id)) await ctx.send(personId, notice);
  return { ok: true, items, asked };
}

/** Office minutes in one working day (420 for 08:30–12:00 and 14:30–18:00); a day for round-the-clock units. */
function workdayMinutes(officeHours: RegisteredContext['policy']['officeHours']): number {
  if (officeHours === 'always') return 24 * 60;
  return officeHours.reduce((sum, range) => sum + (clockToMs(range.end) - clockToMs(range.start)) / 60_000, 0);
}

async function refuseTaken(ctx: RegisteredContext, call: { state: string; takenById: number | null; takenAt: Date | null }): Promise<TaskRefusal> {
  if (call.state !== 'taken' || call.takenById === null || !call.takenAt) return { ok: false, code: 'TASK_CLOSED', state: call.state };
  const by = await ctx.tx.person.findUnique({ where: { id: call.takenById }, select: { name: true } });
  return { ok: false, code: 'TASK_ALREADY_TAKEN', by: by?.name ?? '他人', at: call.takenAt };
}
