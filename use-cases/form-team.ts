// 组建团队: "一个项目、一名领导、一批人员" (002 五(三)): one leader and the units the approval items need,
// within 1 working day of acceptance. With no units given, the plan's units are proposed (or the default
// plan's, before there is a plan: use-cases/propose-team-units.ts). The project's lead unit is always on it.
// The handler (handlers/projects/form-team.ts) opens the team's group chat and words the reply.
import type { Person, Project, Unit } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { addWorkingDays } from '../domain/calendar/add-working-days.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { resolveUnit } from '../domain/catalogue/resolve-unit.js';
import { serviceRunning, type ServiceState } from '../domain/project/service-state.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { proposeTeamUnits } from './propose-team-units.js';
import { replaceTeam, type Team } from './replace-team.js';

export type FormTeamResult =
  | { kind: 'not-running'; service: ServiceState }
  | { kind: 'leader-unknown'; name: string }
  | { kind: 'leader-missing' }
  | { kind: 'units-unknown'; unknown: { typed: string; suggestions: Unit[] }[] }
  | { kind: 'formed'; leader: Person; team: Team; /** The day the plan is due. */ planDueOn: string; calendar: WorkingCalendar };

/** `project`: found and locked (use-cases/find-readable-project.ts). */
export async function formTeam(
  acting: Acting,
  project: Project,
  { leaderName, unitNames }: { leaderName?: string; unitNames: string[] },
): Promise<FormTeamResult> {
  const { tx, now, policy } = acting;
  if (!serviceRunning(project.service)) return { kind: 'not-running', service: project.service as ServiceState };
  const leader = leaderName
    ? await tx.person.findFirst({ where: { name: leaderName, active: true }, orderBy: { id: 'asc' } })
    : project.leaderId === null
      ? null
      : await tx.person.findUnique({ where: { id: project.leaderId } });
  if (leaderName && !leader) return { kind: 'leader-unknown', name: leaderName };
  if (!leader) return { kind: 'leader-missing' };

  const allUnits = await tx.unit.findMany();
  const found = unitNames.map((name) => resolveUnit(name, allUnits, policy.unitAliases));
  const unknown = found.flatMap((result) => (result.ok ? [] : [{ typed: result.typed, suggestions: result.suggestions }]));
  if (unknown.length > 0) return { kind: 'units-unknown', unknown };
  const chosen = unitNames.length > 0 ? found.flatMap((result) => (result.ok ? [result.unit] : [])) : await proposeTeamUnits(tx, project.id, allUnits);
  const unitIds = [...new Set([...(project.leadUnitId === null ? [] : [project.leadUnitId]), ...chosen.map((unit) => unit.id)])];

  const team = await replaceTeam(acting, project, leader, unitIds);
  const calendar = await loadWorkingCalendar(tx);
  return { kind: 'formed', leader, team, planDueOn: addWorkingDays(calendar, shanghaiDate(now), policy.planWorkingDays), calendar };
}
