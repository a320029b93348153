// Shared wording and lights for the digests: `P3 光伏组件项目 🔴`, each project's worst light
// (domain/project/traffic-light.ts), who holds a role.
import { pickUnitContacts } from '../../roster/pick-unit-contacts.js';
import type { WorkingCalendar } from '../../calendar/create-working-calendar.js';
import { markProvisional } from '../../calendar/mark-provisional.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { Policy } from '../../policy.js';
import { projectDeadlines } from '../../project/project-deadlines.js';
import { projectLight } from '../../project/project-light.js';
import { lightSymbols, taskLight, type Light } from '../../project/traffic-light.js';
import type { Role } from '../../roles.js';
import type { ScheduleSnapshot, SnapshotPerson, SnapshotProject, SnapshotTask } from '../schedule-snapshot.js';

/**
 * A team still pushes the project to 投产 (专班推进, 003 一(三)5): signed or started, whether the 帮办代办 service
 * runs or has ended with 办结; not after 终止 (docs/domain.md "Project life cycle").
 */
export function servedByTeam(project: Pick<SnapshotProject, 'service' | 'stage'>): boolean {
  return project.service !== 'terminated' && (project.stage === 'signed' || project.stage === 'started');
}

export interface DigestContext {
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
  snapshot: ScheduleSnapshot;
}

export function lightOfTask(task: SnapshotTask, { now, policy, calendar }: DigestContext): Light | null {
  return taskLight(task, now, calendar, policy.warnBeforeWorkingDays);
}

export function openDeadlines(project: SnapshotProject, { policy, calendar }: DigestContext) {
  return projectDeadlines(project, policy, calendar);
}

/** A taken task's promised date as people read it, （暂定） when counted through a provisional year; null when none. */
export function shownDueOn(task: SnapshotTask, { calendar }: DigestContext): string | null {
  return task.dueOn && markProvisional(calendar, task.dueOn, task.takenAt ? shanghaiDate(task.takenAt) : task.dueOn);
}

// Indexes over one snapshot, built once: a digest looks projects and their cards up by id instead of
// scanning every list for each line (BENCHMARKS.md, digests).
const indexes = new WeakMap<ScheduleSnapshot, { projects: Map<number, SnapshotProject>; tasks: Map<number, SnapshotTask[]> }>();

function indexOf(snapshot: ScheduleSnapshot) {
  let index = indexes.get(snapshot);
  if (!index) {
    const tasks = new Map<number, SnapshotTask[]>();
    for (const task of snapshot.tasks) tasks.set(task.projectId, [...(tasks.get(task.projectId) ?? []), task]);
    index = { projects: new Map(snapshot.projects.map((project) => [project.id, project])), tasks };
    indexes.set(snapshot, index);
  }
  return index;
}

export function projectById(snapshot: ScheduleSnapshot, projectId: number): SnapshotProject | undefined {
  return indexOf(snapshot).projects.get(projectId);
}

export function tasksOf(snapshot: ScheduleSnapshot, projectId: number): readonly SnapshotTask[] {
  return indexOf(snapshot).tasks.get(projectId) ?? [];
}

const lights = new WeakMap<DigestContext, Map<number, Light>>();

/** The project's light (domain/project/project-light.ts), once per digest run. */
export function lightOfProject(project: SnapshotProject, context: DigestContext): Light {
  const known = lights.get(context) ?? new Map<number, Light>();
  lights.set(context, known);
  const cached = known.get(project.id);
  if (cached) return cached;
  const light = projectLight(project, tasksOf(context.snapshot, project.id), context);
  known.set(project.id, light);
  return light;
}

export function labelOf(project: SnapshotProject, context: DigestContext): string {
  return `P${project.id} ${project.name} ${lightSymbols[lightOfProject(project, context)]}`;
}

export function peopleWith(snapshot: ScheduleSnapshot, role: Role, unitId?: number | null): SnapshotPerson[] {
  return snapshot.people.filter((person) => person.roles.includes(role) && (unitId === undefined || person.unitId === unitId));
}

/**
 * Who receives what a rule sends to a unit's 代办员: its agents, or with none in the roster its
 * 责任领导, then any member (domain/roster/pick-unit-contacts.ts; docs/domain.md "People and roles").
 */
export function unitAgents(snapshot: ScheduleSnapshot, unitId: number | null): SnapshotPerson[] {
  if (unitId === null) return [];
  const ids = new Set(pickUnitContacts(snapshot.people, unitId).agents);
  return snapshot.people.filter((person) => ids.has(person.id));
}

export function nameOf(snapshot: ScheduleSnapshot, personId: number | null): string {
  return snapshot.people.find((person) => person.id === personId)?.name ?? '未定';
}

export function unitName(snapshot: ScheduleSnapshot, unitId: number | null): string {
  return snapshot.units.find((unit) => unit.id === unitId)?.name ?? '未定';
}

/** A title with 补发 when the occurrence is sent after a restart. */
export function titled(title: string, late: boolean): string {
  return late ? `${title}（补发）` : title;
}
