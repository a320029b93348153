// The report-to-window escalation cycle (专窗吹哨、部门报到, 002 五(五)), timers as rows like GoAlert's
// escalation manager: each pass claims the posted calls whose nextEscalationAt has come
// (FOR UPDATE SKIP LOCKED, so racing instances never claim the same call), fires their due steps
// and writes the notices and the next escalation time in the same transaction. A call counts once
// however many items it carries, and a person told of several calls in one batch gets one notice
// (docs/domain.md "Calls"). A call taken meanwhile no longer matches; a restart loses nothing,
// since what came due is still due.
// A batch is set-based (docs/architecture.md "Several instances"): a handful of queries read what
// its notices need, the rules run in memory, and one statement each writes the notices, the
// events and the calls, so 10,000 calls falling due in one minute fire within the cycle's beat.
import type { Db, Tx } from '../prisma/open-database.js';
import type { Logger } from '../bot/logger.js';
import { enqueueMessages, type Enqueue } from '../bot/outbox/enqueue-message.js';
import type { Policy } from '../domain/policy.js';
import { formatShanghai } from '../domain/calendar/shanghai-time.js';
import { buildEscalationNotices, toldOf, type EscalationAudience, type FiredCall } from '../domain/escalation/build-escalation-notices.js';
import { planEscalation, type EscalationStep } from '../domain/escalation/plan-escalation.js';
import { findPeopleAmong, type RosterPerson } from '../prisma/find-people.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

/** How often the cycle runs: lateness stays within the beat plus one batch (issue 11: p99 ≤ 2 s). */
export const ESCALATION_CYCLE_MS = 1000;

/** Calls claimed per transaction: big enough that a minute's 10,000 take a few batches, small enough to keep each transaction short. */
const BATCH_SIZE = 500;

export interface EscalationOptions {
  now: Date;
  policy: Policy;
  logger?: Logger;
  batchSize?: number;
}

/** Runs one pass; returns the number of steps fired. */
export async function escalateDueTasks(prisma: Db, options: EscalationOptions): Promise<number> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let fired = 0;
  let notices = 0;
  for (;;) {
    const batch = await prisma.$transaction((tx) => escalateBatch(tx, options, batchSize));
    fired += batch.fired;
    notices += batch.notices;
    if (batch.claimed < batchSize) break;
  }
  if (fired > 0) options.logger?.info({ steps: fired, notices }, 'calls escalated');
  return fired;
}

async function escalateBatch(tx: Tx, { now, policy }: EscalationOptions, batchSize: number): Promise<{ claimed: number; fired: number; notices: number }> {
  // The column is a UTC timestamp without zone; an ISO string cast to it compares exactly.
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Call"
    WHERE state = 'posted' AND "nextEscalationAt" <= ${now.toISOString()}::timestamp
    ORDER BY "nextEscalationAt", id
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return { claimed: 0, fired: 0, notices: 0 };
  const calls = await tx.call.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: { project: true, unit: true, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  const calendar = await loadWorkingCalendar(tx);
  const audienceOf = audiences(
    await findPeopleAmong(tx, {
      roles: ['window', 'project_office'],
      unitRoles: ['agent', 'unit_leader'],
      unitIds: [...new Set(calls.map((call) => call.unitId))],
      ids: [...new Set(calls.flatMap((call) => (call.project.leaderId === null ? [] : [call.project.leaderId])))],
    }),
  );

  const fired = new Map<EscalationStep, FiredCall<number>[]>([
    [1, []],
    [2, []],
  ]);
  const updates: { id: number; step: number; nextAt: string | null }[] = [];
  for (const call of calls) {
    const plan = planEscalation(call, now, policy, calendar);
    for (const step of plan.due) {
      fired.get(step)!.push({
        callId: call.id,
        subject: {
          projectId: call.projectId,
          projectName: call.project.name,
          items: call.tasks.map((task) => ({ taskId: task.id, itemName: task.itemName })),
          unitName: call.unit.name,
          postedAt: formatShanghai(call.postedAt),
          minutes: step === 1 ? policy.ackTimeoutMinutes : policy.secondEscalationMinutes,
        },
        audience: audienceOf(call.unitId, call.project.leaderId),
      });
    }
    updates.push({ id: call.id, step: plan.due.at(-1) ?? call.escalationStep, nextAt: plan.nextAt?.toISOString() ?? null });
  }

  const messages: Enqueue[] = [];
  const events = [];
  for (const [step, stepCalls] of fired) {
    for (const notice of buildEscalationNotices(step, stepCalls)) {
      // The dedup key (the calls, the step, the person) makes a notice impossible to queue twice.
      const calls = notice.callIds.length === 1 ? `call:${notice.callIds[0]}` : `calls:${[...notice.callIds].sort((a, b) => a - b).join(',')}`;
      messages.push({
        to: { personId: notice.recipient },
        message: { kind: 'text', text: notice.text },
        dedupKey: `escalation:${calls}:${step}:${notice.recipient}`,
      });
    }
    // One event per call step, filed under the call's first item (the archive reads `told` for the
    // people told; `taskIds` lists every item of the call).
    for (const { callId, subject, audience } of stepCalls) {
      events.push({
        at: now,
        actorRole: 'system',
        channel: 'system',
        kind: 'task.escalated',
        projectId: subject.projectId,
        taskId: subject.items[0]?.taskId ?? null,
        before: { escalationStep: step - 1 },
        after: { escalationStep: step, told: toldOf(step, audience).map((told) => told.recipient), callId, taskIds: subject.items.map((item) => item.taskId) },
      });
    }
  }
  await enqueueMessages(tx, messages);
  if (events.length > 0) await tx.event.createMany({ data: events });
  await tx.$executeRaw`
    UPDATE "Call" AS c SET "escalationStep" = u.step, "nextEscalationAt" = u.next_at::timestamp, "updatedAt" = ${now.toISOString()}::timestamp
    FROM unnest(${updates.map((u) => u.id)}::int[], ${updates.map((u) => u.step)}::int[], ${updates.map((u) => u.nextAt)}::text[]) AS u(id, step, next_at)
    WHERE c.id = u.id`;
  return { claimed: rows.length, fired: events.length, notices: messages.length };
}

/** Each call's audience from the batch's people, shared by the calls of one unit and leader. */
function audiences(people: readonly RosterPerson[]): (unitId: number, leaderId: number | null) => EscalationAudience<number> {
  const holding = (role: string, unitId?: number) =>
    people.filter((person) => person.roles.includes(role) && (unitId === undefined || person.unitId === unitId)).map((person) => person.id);
  const window = holding('window');
  const projectOffice = holding('project_office');
  const active = new Set(people.map((person) => person.id));
  const units = new Map<number, { agents: number[]; unitLeaders: number[] }>();
  return (unitId, leaderId) => {
    let unit = units.get(unitId);
    if (!unit) {
      unit = { agents: holding('agent', unitId), unitLeaders: holding('unit_leader', unitId) };
      units.set(unitId, unit);
    }
    return { ...unit, window, projectLeader: leaderId !== null && active.has(leaderId) ? leaderId : null, projectOffice };
  };
}
