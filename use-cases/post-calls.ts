// 派单: 专窗吹哨 (002 五(五)) — the chosen plan items go out as one call per unit, its report-to-window timer
// stored on the call for the escalation cycle (use-cases/escalate-due-calls.ts). A unit whose call for the
// project still waits for 报到 gets the new items added to that call, with its deadline unchanged
// (docs/domain.md "Calls"). The enterprise's material list is recorded once (use-cases/tell-dispatch-materials.ts).
// The handler (handlers/tasks/post-task-cards.ts) sends each unit its card and words the reply.
import type { Call, PlanItem, Project, Task } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { escalationDueAt } from '../domain/escalation/plan-escalation.js';
import { transitionService, type ServiceState } from '../domain/project/service-state.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { choosePlanItems, type PlanItemProblem } from './choose-plan-items.js';
import { findReadableProject, type ProjectLookup } from './find-readable-project.js';
import { refreshPhase, type PhaseChange } from './refresh-phase.js';
import { tellDispatchMaterials, type DispatchedItem, type MaterialsTold } from './tell-dispatch-materials.js';

export type PostProblem =
  { kind: 'unit-not-in-team'; itemName: string; unitName: string } | { kind: 'unit-without-staff'; unitName: string; itemNames: string[] };

export interface PostedCall {
  call: Call;
  unitName: string;
  /** The unit's active agents and 责任领导: each gets the card. */
  recipients: { id: number; name: string }[];
  /** The items this 派单 added. */
  created: Task[];
  /** The call's waiting items, the added ones among them: what its card lists. */
  tasks: Task[];
  /** True when the items joined a call still waiting for 报到. */
  merged: boolean;
}

export type PostCallsResult =
  | { kind: 'project-refused'; refusal: Exclude<ProjectLookup, { ok: true }> }
  | { kind: 'not-dispatchable'; project: Project; service: ServiceState }
  | { kind: 'no-team'; project: Project }
  | { kind: 'no-plan'; project: Project }
  | { kind: 'nothing'; project: Project; held: PlanItem[] }
  | {
      kind: 'posted';
      project: Project;
      calls: PostedCall[];
      problems: (PlanItemProblem | PostProblem)[];
      held: PlanItem[];
      calendar: WorkingCalendar;
      phase: PhaseChange | null;
      /** Null when nothing went out. */
      materials: MaterialsTold | null;
    };

export async function postCalls(acting: Acting, ref: string | undefined, words: string[]): Promise<PostCallsResult> {
  const { tx, now, policy, sender, record } = acting;
  const lookup = await findReadableProject(tx, sender, ref);
  if (!lookup.ok) return { kind: 'project-refused', refusal: lookup };
  const { project } = lookup;
  const change = transitionService(project.service, 'dispatch');
  if (!change.ok) return { kind: 'not-dispatchable', project, service: change.service };
  // 002 五(三)–(五): team, then plan, then the window's call to the team's units.
  if (!project.teamFormedAt) return { kind: 'no-team', project };
  if (!project.planMadeAt) return { kind: 'no-plan', project };
  const picked = await choosePlanItems(tx, project, words);
  const teamUnitIds = new Set((await tx.teamUnit.findMany({ where: { projectId: project.id } })).map((unit) => unit.unitId));
  const chosen = picked.chosen.filter((item) => teamUnitIds.has(item.unitId!));
  const problems: (PlanItemProblem | PostProblem)[] = [...picked.problems];
  for (const item of picked.chosen.filter((entry) => !chosen.includes(entry))) {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: item.unitId! } });
    problems.push({ kind: 'unit-not-in-team', itemName: item.itemName, unitName: unit.name });
  }
  if (chosen.length === 0 && problems.length === 0) return { kind: 'nothing', project, held: picked.held };
  const calendar = await loadWorkingCalendar(tx);
  const calls: PostedCall[] = [];
  const sent: DispatchedItem[] = [];
  for (const unitId of [...new Set(chosen.map((item) => item.unitId!))]) {
    const items = chosen.filter((item) => item.unitId === unitId);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId } });
    const recipients = await tx.person.findMany({
      where: { active: true, unitId: unit.id, roles: { hasSome: ['agent', 'unit_leader'] } },
      orderBy: { id: 'asc' },
    });
    if (recipients.length === 0) {
      problems.push({ kind: 'unit-without-staff', unitName: unit.name, itemNames: items.map((item) => item.itemName) });
      continue;
    }
    const waiting = await tx.call.findFirst({ where: { projectId: project.id, unitId: unit.id, state: 'posted' }, orderBy: { id: 'desc' } });
    const ackDueAt = waiting?.ackDueAt ?? escalationDueAt(1, now, policy, calendar);
    const call =
      waiting ??
      (await tx.call.create({
        data: { projectId: project.id, unitId: unit.id, postedAt: now, ackDueAt, nextEscalationAt: ackDueAt, dispatchedById: sender.id },
      }));
    const created: Task[] = [];
    for (const item of items) {
      const task = await tx.task.create({
        data: {
          projectId: project.id,
          unitId: unit.id,
          callId: call.id,
          planItemId: item.id,
          itemCode: item.itemCode,
          itemName: item.itemName,
          phase: item.phase,
          promisedDays: item.promisedDays,
          postedAt: now,
        },
      });
      await record({
        kind: 'task.posted',
        projectId: project.id,
        taskId: task.id,
        after: {
          itemCode: item.itemCode,
          unitId: unit.id,
          callId: call.id,
          ackDueAt: ackDueAt.toISOString(),
          recipients: recipients.map((person) => person.id),
        },
      });
      created.push(task);
      sent.push({ taskId: task.id, itemName: item.itemName, materials: item.materials });
    }
    const tasks = await tx.task.findMany({ where: { callId: call.id, state: 'posted' }, orderBy: { id: 'asc' } });
    calls.push({ call, unitName: unit.name, recipients: recipients.map(({ id, name }) => ({ id, name })), created, tasks, merged: waiting !== null });
  }
  if (calls.length > 0 && change.to !== project.service) {
    await tx.project.update({ where: { id: project.id }, data: { service: change.to } });
    await record({ kind: 'project.service_changed', projectId: project.id, before: { service: project.service }, after: { service: change.to } });
  }
  const phase = calls.length > 0 ? await refreshPhase(acting, project.id) : null;
  const materials = sent.length > 0 ? await tellDispatchMaterials(acting, project, sent) : null;
  return { kind: 'posted', project, calls, problems, held: picked.held, calendar, phase, materials };
}
