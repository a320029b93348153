// Keeps Project.phase at the lowest phase with an unfinished plan item ("when every item of a
// phase is done the project moves to the next phase", 004 三(一)2), and tells the window. An item
// withdrawn (撤销, every task of it cancelled) no longer holds its phase open.
import type { HandlerContext } from '../context.js';
import { isPhase, phaseNames } from '../../domain/catalogue/approval-phases.js';
import { currentPhase } from '../../domain/project/current-phase.js';
import { notifyWindow } from '../shared/notify.js';

export async function refreshPhase(ctx: HandlerContext, projectId: number): Promise<void> {
  const project = await ctx.tx.project.findUniqueOrThrow({ where: { id: projectId } });
  const items = await ctx.tx.planItem.findMany({ where: { projectId }, include: { tasks: { select: { state: true } } } });
  const phase = currentPhase(
    items.flatMap((item) =>
      isPhase(item.phase) && !withdrawn(item.tasks) ? [{ phase: item.phase, done: item.tasks.some((task) => task.state === 'done') }] : [],
    ),
  );
  if (phase === project.phase) return;
  await ctx.tx.project.update({ where: { id: projectId }, data: { phase } });
  await ctx.record({ kind: 'project.phase_changed', projectId, before: { phase: project.phase }, after: { phase } });
  if (project.phase === null) return;
  await notifyWindow(
    ctx,
    phase === null ? `P${projectId} ${project.name} 方案中的审批事项已全部办结。` : `P${projectId} ${project.name} 进入${phaseNames[phase]}阶段。`,
  );
}

function withdrawn(tasks: readonly { state: string }[]): boolean {
  return tasks.length > 0 && tasks.every((task) => task.state === 'cancelled');
}
