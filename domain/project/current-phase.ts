// "When every item of a phase is done the project moves to the next phase" (004 三(一)2):
// the current phase is the lowest one that still has an unfinished plan item.
import type { Phase } from '../catalogue/approval-phases.js';

export interface PlanItemProgress {
  phase: Phase;
  done: boolean;
}

/**
 * null when the plan is empty or every item is done.
 * @example currentPhase([{ phase: 1, done: true }, { phase: 2, done: false }]) // 2
 */
export function currentPhase(items: readonly PlanItemProgress[]): Phase | null {
  const open = items.filter((item) => !item.done).map((item) => item.phase);
  if (open.length === 0) return null;
  return Math.min(...open) as Phase;
}
