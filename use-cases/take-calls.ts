// 报到 (text or the card's button): the called unit arrives at the window once per call and takes every item
// of it (部门报到, 002 五(五); docs/domain.md "Calls"). The call stops matching the escalation cycle, the
// minutes are recorded and each item's promised working days start. The handler (handlers/tasks/take-call.ts)
// updates the cards, tells the window and whoever an escalation told, and words the reply.
import type { Acting } from '../core/acting.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { countOfficeMinutes } from '../domain/calendar/add-office-minutes.js';
import { canHandleTask } from '../domain/access/project-access.js';
import { deriveTaskClocks } from '../domain/task/derive-task-clocks.js';
import type { Tx } from '../prisma/open-database.js';
import { lockCall, lockProject } from '../prisma/lock-rows.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { moveCallRow, moveTaskRow } from '../prisma/call-store.js';
import { findArrivalAudience } from './find-arrival-audience.js';
import type { TaskRefusal } from './task-refusal.js';

/** What 报到 asked for: a card's call (or, on an old card, its task), or the projects and items named. */
export type TakeRequest = { kind: 'card'; callId?: number; taskId?: number } | { kind: 'list' } | { kind: 'refs'; projectIds: number[]; taskIds: number[] };

export interface Taken {
  ok: true;
  callId: number;
  projectId: number;
  unitName: string;
  items: { taskId: number; itemName: string; dueOn: string }[];
  /** Office minutes from 派单 to 报到 (002 五(五)); `late` past the deadline (超时). */
  minutes: number;
  late: boolean;
  /** Whoever an escalation told that nobody came (use-cases/find-arrival-audience.ts). */
  arrivalAudience: number[];
}

/** `asked`: how the request named the call (P2, T5), empty for a card. */
export type TakeOutcome = (Taken | TaskRefusal) & { asked: string };

export interface WaitingCall {
  id: number;
  projectId: number;
  projectName: string;
  ackDueAt: Date;
  tasks: { id: number; itemName: string }[];
}

export type TakeCallsResult =
  | { kind: 'waiting'; calls: WaitingCall[]; calendar: WorkingCalendar | null }
  | { kind: 'none-waiting-for'; projectIds: number[] }
  | { kind: 'taken'; outcomes: TakeOutcome[]; calendar: WorkingCalendar | null };

export async function takeCalls(acting: Acting, request: TakeRequest): Promise<TakeCallsResult> {
  const { tx, sender } = acting;
  const taking = { calendar: null as WorkingCalendar | null };
  if (request.kind === 'card') {
    const callId = request.taskId !== undefined ? await callOfTask(tx, request.taskId) : request.callId;
    return { kind: 'taken', outcomes: [await take(acting, taking, callId, '')], calendar: taking.calendar };
  }
  if (request.kind === 'list') {
    const calls = await findWaiting(tx, sender.unitId);
    return { kind: 'waiting', calls, calendar: calls.length === 0 ? null : await loadWorkingCalendar(tx) };
  }
  const { projectIds, taskIds } = request;
  const waiting = projectIds.length === 0 ? [] : await findWaiting(tx, sender.unitId, projectIds);
  if (projectIds.length > 0 && waiting.length === 0) return { kind: 'none-waiting-for', projectIds };
  // Each call once, however many of its items were named.
  const asked: { callId: number | undefined; label: string }[] = waiting.map((call) => ({ callId: call.id, label: `P${call.projectId}` }));
  for (const taskId of taskIds) {
    const callId = await callOfTask(tx, taskId);
    if (callId === undefined || !asked.some((entry) => entry.callId === callId)) asked.push({ callId, label: `T${taskId}` });
  }
  const outcomes: TakeOutcome[] = [];
  for (const { callId, label } of asked) outcomes.push(await take(acting, taking, callId, label));
  return { kind: 'taken', outcomes, calendar: taking.calendar };
}

/** `收到` from a unit with exactly one waiting call takes it: that call's first waiting item, else none. */
export async function onlyWaitingTask(tx: Tx, unitId: number | null): Promise<number | undefined> {
  const waiting = await tx.call.findMany({
    where: { state: 'posted', unitId: unitId ?? -1 },
    select: { tasks: { where: { state: 'posted' }, select: { id: true }, orderBy: { id: 'asc' }, take: 1 } },
    take: 2,
  });
  return waiting.length === 1 ? waiting[0]!.tasks[0]?.id : undefined;
}

async function callOfTask(tx: Tx, taskId: number): Promise<number | undefined> {
  return (await tx.task.findUnique({ where: { id: taskId }, select: { callId: true } }))?.callId;
}

async function findWaiting(tx: Tx, unitId: number | null, projectIds?: number[]): Promise<WaitingCall[]> {
  const calls = await tx.call.findMany({
    where: { state: 'posted', unitId: unitId ?? -1, ...(projectIds ? { projectId: { in: projectIds } } : {}) },
    include: { project: { select: { name: true } }, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  return calls.map((call) => ({ id: call.id, projectId: call.projectId, projectName: call.project.name, ackDueAt: call.ackDueAt, tasks: call.tasks }));
}

async function take(acting: Acting, taking: { calendar: WorkingCalendar | null }, callId: number | undefined, asked: string): Promise<TakeOutcome> {
  const { tx, now, policy, sender, record } = acting;
  const found = callId === undefined ? null : await tx.call.findUnique({ where: { id: callId }, select: { projectId: true } });
  if (!found) return { ok: false, code: 'TASK_NOT_FOUND', asked };
  // Project first, then call, then its tasks: the one lock order (docs/architecture.md).
  await lockProject(tx, found.projectId);
  await lockCall(tx, callId!);
  const call = await tx.call.findUniqueOrThrow({
    where: { id: callId },
    include: { project: true, unit: true, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
  });
  if (!canHandleTask(sender, call.unitId)) return { ok: false, code: 'NOT_YOUR_UNIT', unitName: call.unit.name, asked };
  if (call.state !== 'posted') return { ...(await refuseTaken(tx, call)), asked };

  const calendar = await loadWorkingCalendar(tx);
  taking.calendar = calendar;
  // In office minutes, the clock of 002 五(五); past the deadline it is 超时. Kept on the call for the 单位 pages.
  const minutes = Math.round(countOfficeMinutes(calendar, policy.officeHours, call.postedAt, now));
  // The call is locked and its state checked above, so of two people pressing 报到 at once the second is refused.
  const moved = await moveCallRow(tx, call, 'take', { takenAt: now, takenById: sender.id, nextEscalationAt: null, ackMinutes: minutes });
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state, asked };

  const late = now.getTime() > call.ackDueAt.getTime();
  const items: Taken['items'] = [];
  for (const task of call.tasks) {
    const { dueOn } = deriveTaskClocks({ ...call, state: moved.to, takenAt: now, promisedDays: task.promisedDays, suspensions: [] }, now, policy, calendar) as {
      dueOn: string;
    };
    // The call is locked and its items read posted after the lock: a refused move is a bug, not a race.
    const taken = await moveTaskRow(tx, task, 'take', { takenAt: now, dueOn: new Date(`${dueOn}T00:00:00Z`) });
    if (!taken.ok) throw new Error(`task ${task.id} cannot be taken from ${taken.state}`);
    await record({
      kind: 'task.taken',
      projectId: call.projectId,
      taskId: task.id,
      before: { state: 'posted' },
      after: { state: 'taken', callId: call.id, takenAt: now.toISOString(), minutesAfterPosting: minutes, late, dueOn },
    });
    items.push({ taskId: task.id, itemName: task.itemName, dueOn });
  }
  const arrivalAudience = await findArrivalAudience(tx, call, sender.id);
  return { ok: true, callId: call.id, projectId: call.projectId, unitName: call.unit.name, items, minutes, late, arrivalAudience, asked };
}

async function refuseTaken(tx: Tx, call: { state: string; takenById: number | null; takenAt: Date | null }): Promise<TaskRefusal> {
  if (call.state !== 'taken' || call.takenById === null || !call.takenAt) return { ok: false, code: 'TASK_CLOSED', state: call.state };
  const by = await tx.person.findUnique({ where: { id: call.takenById }, select: { name: true } });
  return { ok: false, code: 'TASK_ALREADY_TAKEN', by: by?.name ?? null, at: call.takenAt };
}
