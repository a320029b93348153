// Who may do what with a problem, and the states it moves through (003 一(三)5(1)): reported
// (open) → answered by the unit → escalated by the leader with a signed opinion to the Friday
// 周例会 → closed (销号). Outcomes are values; the handlers word them.
import { hasRole, type ProjectAudience, type Viewer } from '../access/project-access.js';
import { coordinatorRoles } from '../roles.js';

export type ProblemState = 'open' | 'answered' | 'escalated' | 'closed';
export type ProblemAction = 'answer' | 'escalate' | 'close';

export const problemStateNames: Record<ProblemState, string> = { open: '待答复', answered: '已答复', escalated: '已提交例会', closed: '已销号' };

export interface ProblemScope {
  /** The project's responsible unit (责任单位), whose agent answers Tuesday's ask. */
  unitId: number | null;
  leaderId: number | null;
  /** Units on the project's team or holding one of its tasks: any of them may have fixed it. */
  teamUnitIds?: readonly number[];
}

/** 003 一(三)5(1): the team reports; the window and coordinators and the enterprise may too. */
export function canReportProblem(viewer: Viewer, audience: ProjectAudience, scope: ProblemScope): boolean {
  if (hasRole(viewer, ...coordinatorRoles)) return true;
  if (audience.leaderId === viewer.id || audience.teamIds.includes(viewer.id) || audience.contactIds.includes(viewer.id)) return true;
  return hasRole(viewer, 'agent', 'unit_leader') && viewer.unitId !== null && viewer.unitId === scope.unitId;
}

export function mayAct(viewer: Viewer, action: ProblemAction, scope: ProblemScope): boolean {
  const isLeader = scope.leaderId !== null && scope.leaderId === viewer.id;
  switch (action) {
    case 'answer':
      return (
        isLeader ||
        hasRole(viewer, ...coordinatorRoles) ||
        (hasRole(viewer, 'agent', 'unit_leader') &&
          viewer.unitId !== null &&
          (viewer.unitId === scope.unitId || (scope.teamUnitIds ?? []).includes(viewer.unitId)))
      );
    case 'escalate':
      // Only the leader in charge signs the opinion that sends it to the 周例会.
      return isLeader;
    case 'close':
      return isLeader || hasRole(viewer, 'project_office', 'admin', 'main_leader');
  }
}

export type ProblemTransition = { ok: true; to: ProblemState } | { ok: false; code: 'PROBLEM_CLOSED' | 'PROBLEM_ALREADY_ESCALATED' };

/**
 * @example transitionProblem('open', 'answer') // { ok: true, to: 'answered' }
 * @example transitionProblem('closed', 'answer') // { ok: false, code: 'PROBLEM_CLOSED' }
 */
export function transitionProblem(state: ProblemState, action: ProblemAction): ProblemTransition {
  if (state === 'closed') return { ok: false, code: 'PROBLEM_CLOSED' };
  switch (action) {
    case 'answer':
      // An answer on an escalated problem keeps it on the meeting's agenda.
      return { ok: true, to: state === 'escalated' ? 'escalated' : 'answered' };
    case 'escalate':
      return state === 'escalated' ? { ok: false, code: 'PROBLEM_ALREADY_ESCALATED' } : { ok: true, to: 'escalated' };
    case 'close':
      return { ok: true, to: 'closed' };
  }
}
