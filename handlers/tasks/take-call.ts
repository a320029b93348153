// 报到 (text or the card's button): the called unit takes every item of a call (use-cases/take-calls.ts); every
// copy of the card shows who took it, the window and whoever an escalation told hear that someone came.
// `报到 T<n>` with any item of a call takes the call; 报到 alone lists what waits.
import type { RegisteredContext } from '../context.js';
import { clockToMs, formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { formatWorkingDuration } from '../../domain/calendar/format-duration.js';
import { numbersOf } from '../../domain/references/split-references.js';
import { takeCalls, type TakeOutcome, type Taken, type TakeRequest, type WaitingCall } from '../../use-cases/take-calls.js';
import type { WorkingCalendar } from '../../domain/calendar/create-working-calendar.js';
import { commandLine } from '../shared/command-line.js';
import { notifyWindow, updateCards } from '../shared/notify.js';
import { describeTaskRefusal } from '../shared/task-refusal.js';
import { cardTargetOf } from '../shared/call-card-key.js';

export async function takeCall(ctx: RegisteredContext): Promise<void> {
  const result = await takeCalls(ctx, requestOf(ctx));
  if (result.kind === 'waiting') return listWaiting(ctx, result.calls, result.calendar);
  if (result.kind === 'none-waiting-for')
    return ctx.reply(`${result.projectIds.map((id) => `P${id}`).join('、')} 没有你单位待报到的任务。发送「报到」查看全部待报到任务。`);
  for (const outcome of result.outcomes) if (outcome.ok) await tellTaken(ctx, outcome);
  await replyTaken(ctx, result.outcomes, result.calendar);
}

function requestOf(ctx: RegisteredContext): TakeRequest {
  if (ctx.event.type === 'card_action') {
    const target = cardTargetOf(ctx.event.cardKey);
    return target?.kind === 'task' ? { kind: 'card', taskId: target.id } : { kind: 'card', callId: target?.id };
  }
  const { refs } = commandLine(ctx);
  // 报到 alone lists the calls waiting for the sender's unit; 报到 P2 takes all of them for P2.
  if (refs.length === 0) return { kind: 'list' };
  return { kind: 'refs', projectIds: refs.filter((ref) => ref.kind === 'P').map((ref) => ref.number), taskIds: numbersOf(refs, 'T') };
}

async function tellTaken(ctx: RegisteredContext, taken: Taken): Promise<void> {
  await updateCards(ctx, taken.callId, `已报到 · ${ctx.sender.name} · ${formatShanghai(ctx.now, 'time')}`);
  const what = taken.items.map((item) => `T${item.taskId} ${item.itemName}`).join('、');
  const duration = formatWorkingDuration(taken.minutes, workdayMinutes(ctx.policy.officeHours));
  const notice = `${what}（P${taken.projectId}）已由${taken.unitName} ${ctx.sender.name}报到，用时 ${duration}${taken.late ? '（超时）' : ''}。`;
  await notifyWindow(ctx, notice);
  // Whoever an escalation told that nobody came now hears that someone did.
  for (const personId of taken.arrivalAudience) await ctx.send(personId, notice);
}

async function replyTaken(ctx: RegisteredContext, outcomes: TakeOutcome[], calendar: WorkingCalendar | null): Promise<void> {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      lines.push(`${outcome.asked && outcomes.length > 1 ? `${outcome.asked}：` : ''}${describeTaskRefusal(outcome)}`);
      continue;
    }
    const items = outcome.items.map((item) => `T${item.taskId} ${item.itemName}（${markProvisional(calendar!, item.dueOn, shanghaiDate(ctx.now))} 前办结）`);
    lines.push(`已报到 ${items.join('、')}。`);
  }
  const first = outcomes.find((outcome): outcome is Taken & { asked: string } => outcome.ok)?.items[0];
  if (first)
    lines.push(`请逐项办理：办结 T${first.taskId} 结果；材料另有补充时「告知 T${first.taskId} 材料：…」，没有则「告知 T${first.taskId} 无需补充材料」。`);
  await ctx.reply(lines.join('\n'));
}

async function listWaiting(ctx: RegisteredContext, waiting: WaitingCall[], calendar: WorkingCalendar | null): Promise<void> {
  if (waiting.length === 0) return ctx.reply('你单位没有待报到的任务。收到任务后，点卡片上的「报到」或发送卡片上写的「报到 T编号」。');
  const lines = waiting.map(
    (call) =>
      `P${call.projectId} ${call.projectName}：${call.tasks.map((task) => `T${task.id} ${task.itemName}`).join('、')} · ${markProvisional(calendar!, shanghaiDate(call.ackDueAt), undefined, formatShanghai(call.ackDueAt))} 前报到`,
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

/** Office minutes in one working day (420 for 08:30–12:00 and 14:30–18:00); a day for round-the-clock units. */
function workdayMinutes(officeHours: RegisteredContext['policy']['officeHours']): number {
  if (officeHours === 'always') return 24 * 60;
  return officeHours.reduce((sum, range) => sum + (clockToMs(range.end) - clockToMs(range.start)) / 60_000, 0);
}
