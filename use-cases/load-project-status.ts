// Everything the status card (进度) needs: tasks with their lights, the project deadlines (002 五(三)(四);
// 003 一(二)4(3)), the next deadline and the project's light (domain/project/project-light.ts, the one
// the digests and the 台账 show). A use case: a chat handler and the web pages both call it.
import type { Project, Task, Unit } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import { formatShanghai, shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { markProvisional } from '../domain/calendar/mark-provisional.js';
import { projectDeadlines } from '../domain/project/project-deadlines.js';
import { projectLight, type LightContext } from '../domain/project/project-light.js';
import { taskLight, type Light } from '../domain/project/traffic-light.js';

export interface ProjectStatus {
  tasks: { task: Task & { unit: Unit; ackDueAt: Date }; light: Light | null }[];
  light: Light;
  /** The earliest open deadline, e.g. "T3 报到 03-04 09:30" or "开工 2026-07-10". */
  next: string | null;
  /** The start deadline until 开工, e.g. "2027-03-12（暂定）" (003 一(二)4(3)). */
  start: string | null;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export type StatusTask = Task & { unit: Unit; ackDueAt: Date };

/** The project's tasks (all of them, in id order) with their call's report deadline (docs/domain.md "Calls"). */
export async function loadStatusTasks(tx: Tx, projectIds: number[]): Promise<StatusTask[]> {
  return (
    await tx.task.findMany({ where: { projectId: { in: projectIds } }, include: { unit: true, call: { select: { ackDueAt: true } } }, orderBy: { id: 'asc' } })
  ).map(({ call, ...task }) => ({ ...task, ackDueAt: call.ackDueAt }));
}

export async function loadProjectStatus(tx: Tx, project: Project, context: LightContext): Promise<ProjectStatus> {
  return projectStatus(project, await loadStatusTasks(tx, [project.id]), context);
}

/** The status from the project's tasks (all of them, in id order), read by the caller: a list reads many projects' tasks in one query. */
export function projectStatus(project: Project, tasks: StatusTask[], context: LightContext): ProjectStatus {
  const { now, policy, calendar } = context;
  const timings = tasks.map((task) => ({ state: task.state, ackDueAt: task.ackDueAt, dueOn: day(task.dueOn), suspendedAt: task.suspendedAt }));
  const lit = tasks.map((task, index) => ({ task, light: taskLight(timings[index]!, now, calendar, policy.warnBeforeWorkingDays) }));
  const clocks = projectClocks(project);
  const deadlines = projectDeadlines(clocks, policy, calendar);
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
  return {
    tasks: lit,
    light: projectLight(clocks, timings, context),
    next: candidates[0]?.text ?? null,
    start: start ? markProvisional(calendar, start.dueOn, start.from) : null,
  };
}

/** The project's clocks as the pure rules read them: dates as `YYYY-MM-DD`. */
export function projectClocks(project: Project) {
  return {
    stage: project.stage,
    service: project.service,
    signedOn: day(project.signedOn),
    landListedOn: day(project.landListedOn),
    acceptedAt: project.acceptedAt,
    teamFormedAt: project.teamFormedAt,
    planMadeAt: project.planMadeAt,
  };
}
