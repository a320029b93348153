// Who may see a project and its contacts (docs/domain.md "People and roles"): coordinators, main
// leaders and 督查 read everything; a county leader reads the projects he leads or is on; an agent
// or 责任领导 those their unit works on; an enterprise contact only their own projects.
import { coordinatorRoles, type Role } from '../roles.js';

export interface Viewer {
  id: number;
  roles: readonly string[];
  unitId: number | null;
}

export interface ProjectAudience {
  leaderId: number | null;
  contactIds: readonly number[];
  /** People on the project team (项目管家, 002 五(三)). */
  teamIds: readonly number[];
  /** Units on the team or holding one of its tasks. */
  unitIds: readonly number[];
}

const readAll: readonly Role[] = [...coordinatorRoles, 'main_leader', 'inspection'];

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return roles.some((role) => viewer.roles.includes(role));
}

/** An enterprise contact and nothing else: sees only the projects they are bound to. */
export function isEnterpriseOnly(viewer: Viewer): boolean {
  return viewer.roles.length > 0 && viewer.roles.every((role) => role === 'enterprise');
}

/**
 * The one access rule, as the conditions any one of which lets `viewer` read a project: every
 * project; or those they lead or are on the team of, those their unit works on (agents and
 * 责任领导), those they are the bound enterprise contact of. Reading one project (canReadProject)
 * and listing them (进度) both use it, so a listed project always opens.
 */
export type ReadScope = { all: true } | { all: false; personId: number; unitId: number | null; asContact: boolean };

export function readScope(viewer: Viewer): ReadScope {
  if (hasRole(viewer, ...readAll)) return { all: true };
  const unitId = hasRole(viewer, 'agent', 'unit_leader') ? viewer.unitId : null;
  return { all: false, personId: viewer.id, unitId, asContact: hasRole(viewer, 'enterprise') };
}

export function canReadProject(viewer: Viewer, project: ProjectAudience): boolean {
  const scope = readScope(viewer);
  if (scope.all) return true;
  if (project.leaderId === scope.personId || project.teamIds.includes(scope.personId)) return true;
  if (scope.unitId !== null && project.unitIds.includes(scope.unitId)) return true;
  return scope.asContact && project.contactIds.includes(scope.personId);
}

/** Mobiles in full for the window and the project's own team; masked for everyone else. */
export function seesFullMobile(viewer: Viewer, project: ProjectAudience): boolean {
  return hasRole(viewer, 'window') || project.leaderId === viewer.id || project.teamIds.includes(viewer.id);
}

/** An agent or 责任领导 takes, notifies, finishes or returns only tasks of their own unit. */
export function canHandleTask(viewer: Viewer, taskUnitId: number): boolean {
  return hasRole(viewer, 'agent', 'unit_leader') && viewer.unitId === taskUnitId;
}
