// The window hears when a project moves to its next phase or finishes its plan (use-cases/refresh-phase.ts).
import type { HandlerContext } from '../context.js';
import { phaseNames } from '../../domain/catalogue/approval-phases.js';
import type { PhaseChange } from '../../use-cases/refresh-phase.js';
import { notifyWindow } from '../shared/notify.js';

export async function tellPhase(ctx: HandlerContext, change: PhaseChange | null): Promise<void> {
  if (change === null || change.from === null) return;
  const { projectId, projectName, to } = change;
  await notifyWindow(
    ctx,
    to === null ? `P${projectId} ${projectName} 方案中的审批事项已全部办结。` : `P${projectId} ${projectName} 进入${phaseNames[to]}阶段。`,
  );
}
