// Everything the status card and the project light need: tasks with their lights, the project
// deadlines (002 五(三)(四); 003 一(二)4(3)), the next deadline and the project's worst light.
import type { Project, Task, Unit } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { formatShanghai, shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { markProvisional } from '../domain/calendar/mark-provisional.js';
import { projectDeadlines } from '../domain/project/project-deadlines.js';
import { dateLight, taskLight, worstLight, type Light } from '../domain/project/traffic-light.js';

export interface ProjectStatus {
  tasks: { task: Task & { unit: Unit; ackDueAt: Date }; light: Light | null }[];
  light: Light;
  /** The earliest open deadline, e.g. "T3 报到 03-04 09:30" or "开工 2026-07-10". */
  next: string | null;
  /** The start deadline until 开工, e.g. "2027-03-12（暂定）" (003 一(二)4(3)). */
  start: string | null;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function loadProjectStatus(tx: Tx, project: Project, now: Date, policy: Policy, calendar: WorkingCalendar): Promise<ProjectStatus> {
  // The report deadline is the call's (docs/domain.md "Calls").
  const tasks = (
    await tx.task.findMany({ where: { projectId: project.id }, include: { unit: true, call: { select: { ackDueAt: true } } }, orderBy: { id: 'asc' } })
  ).map(({ call, ...task }) => ({ ...task, ackDueAt: call.ackDueAt }));
  return projectStatus(project, tasks, now, policy, calendar);
}

/** The status from the project's tasks (all of them, in id order), read by the caller: a list reads many projects' tasks in one query. */
export function projectStatus(
  project: Project,
  tasks: (Task & { unit: Unit; ackDueAt: Date })[],
  now: Date,
  policy: Policy,
  calendar: WorkingCalendar,
): ProjectStatus {
  const lit = tasks.map((task) => ({
    task,
    light: taskLight(
      { state: task.state, ackDueAt: task.ackDueAt, dueOn: day(task.dueOn), suspendedAt: task.suspendedAt },
      now,
      calendar,
      policy.warnBeforeWorkingDays,
    ),
  }));
  const deadlines = projectDeadlines(
    {
      stage: project.stage,
      service: project.service,
      signedOn: day(project.signedOn),
      landListedOn: day(project.landListedOn),
      acceptedAt: project.acceptedAt,
      teamFormedAt: project.teamFormedAt,
      planMadeAt: project.planMadeAt,
    },
    policy,
    calendar,
  );
  const candidates: { at: string; text: string }[] = deadlines.map((deadline) => ({
    at: deadline.dueOn,
    text: `${deadline.label} ${markProvisional(calendar, deadline.dueOn, deadline.from)}`,
  }));
  for (const { task } of lit) {
    if (task.state === 'posted')
      candidates.push({
        at: task.ackDueAt.toISOString(),
        text: `T${task.id} 报到 ${markProvisional(calendar, shanghaiDate(task.ackDueAt), undefined, formatShanghai(task.ackDueAt))}`,
      });
    else if (task.state === 'taken' && task.dueOn)
      candidates.push({
        at: day(task.dueOn)!,
        text: `T${task.id} 办结 ${markProvisional(calendar, day(task.dueOn)!, task.takenAt ? shanghaiDate(task.takenAt) : day(task.dueOn)!)}`,
      });
  }
  // ISO instants and dates compare correctly as strings; a date sorts before instants of that day.
  candidates.sort((a, b) => a.at.localeCompare(b.at));
  const start = deadlines.find((deadline) => deadline.label === '开工');
  const lights = [...lit.map((entry) => entry.light), ...deadlines.map((deadline) => dateLight(deadline.dueOn, now, calendar, policy.warnBeforeWorkingDays))];
  return {
    tasks: lit,
    light: worstLight(lights),
    next: candidates[0]?.text ?? null,
    start: start ? markProvisional(calendar, start.dueOn, start.from) : null,
  };
}
