// Everything one project's page shows (项目, issue 19): the project, who is on it, its status (lights,
// deadlines with （暂定）), each item's unit and the agent who took its card, its problems and the
// 一事一档 timeline. Read through the same loaders as 进度 and 档案, so the page and the chat agree.
import type { Problem, ProblemAnswer, Project } from '../generated/prisma/client.js';
import type { PlatformNames } from '../domain/platform-names.js';
import type { Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { ProjectAudience } from '../domain/access/project-access.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { loadArchiveTimeline, type ArchiveEntry } from './load-archive-timeline.js';
import { loadProjectAudience } from './load-project-audience.js';
import { loadProjectStatus, type ProjectStatus } from './load-project-status.js';

export interface ProjectSheet {
  project: Project;
  audience: ProjectAudience;
  calendar: WorkingCalendar;
  status: ProjectStatus;
  leadUnit: string | null;
  /** 包抓领导: the roster person, else the name typed at registration. */
  leader: string;
  /** Who took each call (首办负责制, 002 五(五)), by call id. */
  takers: Map<number, string>;
  problems: (Problem & { answers: ProblemAnswer[] })[];
  timeline: ArchiveEntry[];
}

export async function loadProjectSheet(tx: Tx, projectId: number, now: Date, policy: Policy, platforms: PlatformNames): Promise<ProjectSheet | null> {
  const project = await tx.project.findUnique({ where: { id: projectId } });
  if (!project) return null;
  const audience = await loadProjectAudience(tx, project);
  const calendar = await loadWorkingCalendar(tx);
  const status = await loadProjectStatus(tx, project, { now, policy, calendar });
  const calls = await tx.call.findMany({
    where: { projectId, takenById: { not: null } },
    select: { id: true, takenById: true },
  });
  const people = await tx.person.findMany({
    where: { id: { in: [...calls.map((call) => call.takenById!), ...(project.leaderId === null ? [] : [project.leaderId])] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const leadUnit = project.leadUnitId === null ? null : ((await tx.unit.findUnique({ where: { id: project.leadUnitId } }))?.name ?? null);
  return {
    project,
    audience,
    calendar,
    status,
    leadUnit,
    leader: (project.leaderId === null ? undefined : nameOf.get(project.leaderId)) ?? project.leaderName,
    takers: new Map(calls.map((call) => [call.id, nameOf.get(call.takenById!) ?? ''])),
    problems: await tx.problem.findMany({ where: { projectId }, include: { answers: { orderBy: { at: 'asc' } } }, orderBy: { id: 'asc' } }),
    timeline: await loadArchiveTimeline(tx, project, platforms),
  };
}
