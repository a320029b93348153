// 办结项目 / 终止: service ends with 办结单, or stops with 终止单 and its reason (002 五(八)). Terminating
// cancels open task cards and closes the open problems; 办结 waits until no task is open. The handler
// (handlers/projects/end-project.ts) updates the cards, tells the window, the leader and the enterprise, and
// asks the enterprise to rate the service (满意度评价, 002 五(九)).
import type { Project } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import { openTaskStates } from '../domain/task/task-state.js';
import { transitionService, type ServiceState } from '../domain/project/service-state.js';
import { moveTaskRow } from '../prisma/call-store.js';
import { cancelEmptyCall } from './cancel-empty-call.js';

export type EndResult =
  | { kind: 'not-allowed'; service: ServiceState }
  | { kind: 'reason-missing' }
  | { kind: 'tasks-open'; taskIds: number[] }
  | { kind: 'ended'; /** The calls whose cards show the cancel. */ callIds: number[]; cancelledTasks: number; closedProblems: number };

/** `project`: found and locked (use-cases/find-readable-project.ts). */
export async function endProject(acting: Acting, project: Project, action: 'close' | 'terminate', reason: string): Promise<EndResult> {
  const { tx, now, record } = acting;
  const change = transitionService(project.service, action);
  if (!change.ok) return { kind: 'not-allowed', service: change.service };
  if (action === 'terminate' && !reason) return { kind: 'reason-missing' };
  const open = await tx.task.findMany({ where: { projectId: project.id, state: { in: [...openTaskStates] } }, orderBy: { id: 'asc' } });
  if (action === 'close' && open.length > 0) return { kind: 'tasks-open', taskIds: open.map((task) => task.id) };

  for (const task of open) {
    // The project is locked (find-readable-project.ts), so its open tasks are as read: a refused move is a bug.
    const moved = await moveTaskRow(tx, task, 'cancel');
    if (!moved.ok) throw new Error(`task ${task.id} cannot be cancelled from ${moved.state}`);
    await record({ kind: 'task.cancelled', projectId: project.id, taskId: task.id, before: { state: task.state }, after: { state: 'cancelled' } });
  }
  const callIds = [...new Set(open.map((task) => task.callId))];
  for (const callId of callIds) await cancelEmptyCall(tx, callId);
  const closedProblems = action === 'terminate' ? await closeOpenProblems(acting, project.id) : 0;
  await tx.project.update({ where: { id: project.id }, data: { service: change.to, endedAt: now, endReason: reason || null } });
  await record({
    kind: action === 'close' ? 'project.closed' : 'project.terminated',
    projectId: project.id,
    before: { service: project.service },
    after: { service: change.to, reason: reason || undefined },
  });
  return { kind: 'ended', callIds, cancelledTasks: open.length, closedProblems };
}

/**
 * A terminated project's problems are nobody's to solve any more: they are closed, marked 项目终止 in the
 * archive, and leave the leaders' Wednesday digest and the Friday 周例会 agenda (003 一(三)5(1)).
 */
async function closeOpenProblems({ tx, now, record }: Acting, projectId: number): Promise<number> {
  const problems = await tx.problem.findMany({ where: { projectId, state: { not: 'closed' } }, orderBy: { id: 'asc' } });
  for (const problem of problems) {
    await tx.problem.update({ where: { id: problem.id }, data: { state: 'closed', closedAt: now } });
    await record({
      kind: 'problem.closed',
      projectId,
      before: { problemId: problem.id, state: problem.state },
      after: { problemId: problem.id, state: 'closed', reason: '项目终止' },
    });
  }
  return problems.length;
}
