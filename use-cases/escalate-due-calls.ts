// The report-to-window escalation cycle (专窗吹哨、部门报到, 002 五(五)), timers as rows like GoAlert's
// escalation manager: each pass claims the posted calls whose nextEscalationAt has come
// (FOR UPDATE SKIP LOCKED, so racing instances never claim the same call), fires their due steps
// and writes the notices and the next escalation time in the same transaction. A call counts once
// however many items it carries, and a person told of several calls in one batch gets one notice
// (docs/domain.md "Calls"). A call taken meanwhile no longer matches; a restart loses nothing,
// since what came due is still due.
// A batch is set-based (docs/architecture.md "Several instances"): a handful of queries read what
// its notices need, the rules run in memory, and one statement each writes the notices, the
// events and the calls, so a minute in which many calls fall due still fires within the cycle's beat
// (targets and figures in BENCHMARKS.md).
import type { Tx } from '../prisma/open-database.js';
import { enqueueMessages, type Enqueue } from '../core/enqueue-message.js';
import type { Policy } from '../domain/policy.js';
import { formatShanghai } from '../domain/calendar/shanghai-time.js';
import { buildEscalationNotices, toldOf, type EscalationAudience, type FiredCall } from '../domain/escalation/build-escalation-notices.js';
import { arrivalAudience } from '../domain/escalation/arrival-audience.js';
import { chaseDayOf, planEscalation } from '../domain/escalation/plan-escalation.js';
import { pickUnitContacts } from '../domain/roster/pick-unit-contacts.js';
import { findPeopleAmong, type RosterPerson } from '../core/recipients/find-people.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { tellRosterGaps, type UnitGap } from '../core/recipients/tell-roster-gaps.js';
import { claimDueCalls, loadCallsToEscalate, recordEscalatedSteps, type EscalatedStep } from '../prisma/call-store.js';
import { recordEvents, type NewEvent } from '../prisma/event-store.js';

export interface EscalationBatch {
  /** Calls claimed: fewer than asked means nothing more is due. */
  claimed: number;
  /** Steps fired, one event each. */
  fired: number;
  notices: number;
}

/** Claims up to `batchSize` due calls in the caller's transaction and fires their due steps. */
export async function escalateDueCalls(tx: Tx, { now, policy, batchSize }: { now: Date; policy: Policy; batchSize: number }): Promise<EscalationBatch> {
  const claimed = await claimDueCalls(tx, now, batchSize);
  if (claimed.length === 0) return { claimed: 0, fired: 0, notices: 0 };
  const calls = await loadCallsToEscalate(tx, claimed);
  const calendar = await loadWorkingCalendar(tx);
  const gaps: UnitGap[] = [];
  const audienceOf = audiences(
    await findPeopleAmong(tx, {
      roles: ['window', 'project_office'],
      unitRoles: 'any',
      unitIds: [...new Set(calls.map((call) => call.unitId))],
      ids: [...new Set(calls.flatMap((call) => (call.project.leaderId === null ? [] : [call.project.leaderId])))],
    }),
  );

  // The minute steps are grouped apart, so a grouped notice names their shared wait; the mornings' chases go together.
  const fired = new Map<'1' | '2' | 'chase', FiredCall<number>[]>([
    ['1', []],
    ['2', []],
    ['chase', []],
  ]);
  const updates: EscalatedStep[] = [];
  for (const call of calls) {
    const plan = planEscalation(call, now, policy, calendar);
    for (const step of plan.due) {
      const audience = audienceOf(call.unitId, call.project.leaderId);
      if (audience.gap) gaps.push({ unitId: call.unitId, unitName: call.unit.name, gap: audience.gap });
      fired.get(step <= 2 ? (String(step) as '1' | '2') : 'chase')!.push({
        callId: call.id,
        step,
        subject: {
          projectId: call.projectId,
          projectName: call.project.name,
          items: call.tasks.map((task) => ({ taskId: task.id, itemName: task.itemName })),
          unitName: call.unit.name,
          postedAt: formatShanghai(call.postedAt),
          waited:
            step === 1 ? { minutes: policy.ackTimeoutMinutes } : step === 2 ? { minutes: policy.secondEscalationMinutes } : { workingDays: chaseDayOf(step) },
        },
        audience,
      });
    }
    updates.push({ id: call.id, step: plan.due.at(-1) ?? call.escalationStep, nextAt: plan.nextAt ?? null });
  }

  const messages: Enqueue[] = [];
  const events: NewEvent[] = [];
  const { superviseFromDay } = policy.untakenChase;
  for (const [group, stepCalls] of fired) {
    const stepOf = new Map(stepCalls.map((call) => [call.callId, call.step]));
    for (const notice of buildEscalationNotices(stepCalls, superviseFromDay)) {
      // The dedup key (the calls, their steps, the person) makes a notice impossible to queue twice.
      const ids = [...notice.callIds].sort((a, b) => a - b);
      const key =
        ids.length === 1
          ? `call:${ids[0]}:${stepOf.get(ids[0]!)}`
          : group === 'chase'
            ? `calls:${ids.map((id) => `${id}@${stepOf.get(id)}`).join(',')}:chase`
            : `calls:${ids.join(',')}:${group}`;
      messages.push({ to: { personId: notice.recipient }, message: { kind: 'text', text: notice.text }, dedupKey: `escalation:${key}:${notice.recipient}` });
    }
    // One event per call step, filed under the call's first item (the archive reads `told` for the
    // people told; `taskIds` lists every item of the call; 报到 tells `audience` that the unit came).
    for (const { callId, step, subject, audience } of stepCalls) {
      events.push({
        at: now,
        actorRole: 'system',
        channel: 'system',
        kind: 'task.escalated',
        projectId: subject.projectId,
        taskId: subject.items[0]?.taskId ?? null,
        before: { escalationStep: step <= 2 ? step - 1 : null },
        after: {
          escalationStep: step,
          told: toldOf(step, audience, superviseFromDay).map((told) => told.recipient),
          audience: arrivalAudience(step, audience, superviseFromDay),
          callId,
          taskIds: subject.items.map((item) => item.taskId),
        },
      });
    }
  }
  await enqueueMessages(tx, messages);
  await tellRosterGaps(tx, gaps);
  await recordEvents(tx, events);
  await recordEscalatedSteps(tx, updates, now);
  return { claimed: claimed.length, fired: events.length, notices: messages.length };
}

/**
 * Each call's audience from the batch's people, shared by the calls of one unit and leader; a unit
 * without 代办员 is reached through the fallback of domain/roster/pick-unit-contacts.ts.
 */
function audiences(people: readonly RosterPerson[]): (unitId: number, leaderId: number | null) => EscalationAudience<number> & { gap: UnitGap['gap'] | null } {
  const holding = (role: string) => people.filter((person) => person.roles.includes(role)).map((person) => person.id);
  const window = holding('window');
  const projectOffice = holding('project_office');
  const active = new Set(people.map((person) => person.id));
  const units = new Map<number, ReturnType<typeof pickUnitContacts<number>>>();
  return (unitId, leaderId) => {
    let unit = units.get(unitId);
    if (!unit) {
      unit = pickUnitContacts(people, unitId);
      units.set(unitId, unit);
    }
    return { ...unit, window, projectLeader: leaderId !== null && active.has(leaderId) ? leaderId : null, projectOffice };
  };
}
