// Who may see a project and its contacts (issue 4, "Roles and privacy"): coordinators, main
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

export function canReadProject(viewer: Viewer, project: ProjectAudience): boolean {
  if (hasRole(viewer, ...readAll)) return true;
  if (project.leaderId === viewer.id || project.teamIds.includes(viewer.id)) return true;
  if (hasRole(viewer, 'agent', 'unit_leader') && viewer.unitId !== null && project.unitIds.includes(viewer.unitId)) return true;
  return hasRole(viewer, 'enterprise') && project.contactIds.includes(viewer.id);
}

/** Mobiles in full for the window and the project's own team; masked for everyone else. */
export function seesFullMobile(viewer: Viewer, project: ProjectAudience): boolean {
  return hasRole(viewer, 'window') || project.leaderId === viewer.id || project.teamIds.includes(viewer.id);
}

/** An agent or 责任领导 takes, notifies, finishes or returns only tasks of their own unit. */
export function canHandleTask(viewer: Viewer, taskUnitId: number): boolean {
  return hasRole(viewer, 'agent', 'unit_leader') && viewer.unitId === taskUnitId;
}
