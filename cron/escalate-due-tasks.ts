// The report-to-window escalation cycle (专窗吹哨、部门报到, 002 五(五)), timers as rows like GoAlert's
// escalation manager: each pass claims the posted calls whose nextEscalationAt has come
// (FOR UPDATE SKIP LOCKED, so racing instances never claim the same call), fires their due steps
// and writes the notices and the next escalation time in the same transaction. A call counts once
// however many items it carries (docs/domain.md "Calls"). A call taken meanwhile no longer
// matches; a restart loses nothing, since what came due is still due.
import type { Db, Tx } from '../prisma/open-database.js';
import type { Logger } from '../bot/logger.js';
import { enqueueMessage } from '../bot/outbox/enqueue-message.js';
import type { Policy } from '../domain/policy.js';
import { formatShanghai } from '../domain/calendar/shanghai-time.js';
import { buildEscalationNotices, type EscalationAudience } from '../domain/escalation/build-escalation-notices.js';
import { planEscalation } from '../domain/escalation/plan-escalation.js';
import { findPeople, findPerson } from '../prisma/find-people.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

/** How often the cycle runs: ackTimeoutMinutes 0.05 must escalate within 5 s of due. */
export const ESCALATION_CYCLE_MS = 2000;

export interface EscalationOptions {
  now: Date;
  policy: Policy;
  logger?: Logger;
  batchSize?: number;
}

/** Runs one pass; returns the number of steps fired. */
export async function escalateDueTasks(prisma: Db, options: EscalationOptions): Promise<number> {
  const batchSize = options.batchSize ?? 50;
  let fired = 0;
  for (;;) {
    const batch = await prisma.$transaction((tx) => escalateBatch(tx, options, batchSize));
    fired += batch.fired;
    if (batch.claimed < batchSize) return fired;
  }
}

async function escalateBatch(tx: Tx, { now, policy, logger }: EscalationOptions, batchSize: number): Promise<{ claimed: number; fired: number }> {
  // The column is a UTC timestamp without zone; an ISO string cast to it compares exactly.
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Call"
    WHERE state = 'posted' AND "nextEscalationAt" <= ${now.toISOString()}::timestamp
    ORDER BY "nextEscalationAt", id
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
  if (rows.length === 0) return { claimed: 0, fired: 0 };
  const calls = await tx.call.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: { project: true, unit: true, tasks: { where: { state: 'posted' }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  const calendar = await loadWorkingCalendar(tx);
  const window = (await findPeople(tx, 'window')).map((person) => person.id);
  const projectOffice = (await findPeople(tx, 'project_office')).map((person) => person.id);
  const audiences = new Map<string, EscalationAudience<number>>();
  const audienceOf = async (unitId: number, leaderId: number | null): Promise<EscalationAudience<number>> => {
    const key = `${unitId}:${leaderId}`;
    let audience = audiences.get(key);
    if (!audience) {
      audience = {
        agents: (await findPeople(tx, 'agent', unitId)).map((person) => person.id),
        unitLeaders: (await findPeople(tx, 'unit_leader', unitId)).map((person) => person.id),
        window,
        projectLeader: (await findPerson(tx, leaderId))?.id ?? null,
        projectOffice,
      };
      audiences.set(key, audience);
    }
    return audience;
  };
  let fired = 0;

  for (const call of calls) {
    const plan = planEscalation(call, now, policy, calendar);
    for (const step of plan.due) {
      const audience = await audienceOf(call.unitId, call.project.leaderId);
      const subject = {
        projectId: call.projectId,
        projectName: call.project.name,
        items: call.tasks.map((task) => ({ taskId: task.id, itemName: task.itemName })),
        unitName: call.unit.name,
        postedAt: formatShanghai(call.postedAt),
        minutes: step === 1 ? policy.ackTimeoutMinutes : policy.secondEscalationMinutes,
      };
      const notices = buildEscalationNotices(step, subject, audience);
      for (const notice of notices) {
        // The dedup key makes a step's notice to one person impossible to queue twice.
        await enqueueMessage(tx, {
          to: { personId: notice.recipient },
          message: { kind: 'text', text: notice.text },
          dedupKey: `escalation:call:${call.id}:${step}:${notice.recipient}`,
        });
      }
      // One event per call step, filed under the call's first item (the archive reads `told` for the
      // people told; `taskIds` lists every item of the call).
      await tx.event.create({
        data: {
          at: now,
          actorRole: 'system',
          channel: 'system',
          kind: 'task.escalated',
          projectId: call.projectId,
          taskId: call.tasks[0]?.id ?? null,
          before: { escalationStep: step - 1 },
          after: { escalationStep: step, told: notices.map((notice) => notice.recipient), callId: call.id, taskIds: subject.items.map((item) => item.taskId) },
        },
      });
      logger?.info({ callId: call.id, step, recipients: notices.length }, 'call escalated');
      fired += 1;
    }
    await tx.call.update({
      where: { id: call.id },
      data: { escalationStep: plan.due.at(-1) ?? call.escalationStep, nextEscalationAt: plan.nextAt },
    });
  }
  return { claimed: rows.length, fired };
}
