// Keeps Project.phase at the lowest phase with an unfinished plan item ("when every item of a
// phase is done the project moves to the next phase", 004 三(一)2) and records the change; the handler
// tells the window (handlers/tasks/tell-phase.ts). An item withdrawn (撤销, every task of it cancelled) no
// longer holds its phase open.
import type { Acting } from '../core/acting.js';
import { isPhase, type Phase } from '../domain/catalogue/approval-phases.js';
import { currentPhase } from '../domain/project/current-phase.js';

export interface PhaseChange {
  projectId: number;
  projectName: string;
  /** Null before the project had a phase: the first one is set, nobody is told. */
  from: number | null;
  /** Null when every item is done. */
  to: Phase | null;
}

/** The change made, or null when the phase stays. */
export async function refreshPhase({ tx, record }: Pick<Acting, 'tx' | 'record'>, projectId: number): Promise<PhaseChange | null> {
  const project = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
  const items = await tx.planItem.findMany({ where: { projectId }, include: { tasks: { select: { state: true } } } });
  const phase = currentPhase(
    items.flatMap((item) =>
      isPhase(item.phase) && !withdrawn(item.tasks) ? [{ phase: item.phase, done: item.tasks.some((task) => task.state === 'done') }] : [],
    ),
  );
  if (phase === project.phase) return null;
  await tx.project.update({ where: { id: projectId }, data: { phase } });
  await record({ kind: 'project.phase_changed', projectId, before: { phase: project.phase }, after: { phase } });
  return { projectId, projectName: project.name, from: project.phase, to: phase };
}

function withdrawn(tasks: readonly { state: string }[]): boolean {
  return tasks.length > 0 && tasks.every((task) => task.state === 'cancelled');
}
