// 开工 / 投产 / 入库: records the project's stage and the date it happened (docs/domain.md "Project life
// cycle"); the handler (handlers/projects/change-stage.ts) checks the move and the date first. 开工 names the
// 竣工验收 items 派单 全部 held back (use-cases/choose-plan-items.ts), now ready to send.
import type { Project } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import { stageSteps, type StageAction } from '../domain/project/project-stage.js';
import { AFTER_START_PHASE, choosePlanItems } from './choose-plan-items.js';

/** Returns the names of the items now ready to send (only on 开工 while the service runs). */
export async function recordStage({ tx, now, record }: Acting, project: Project, action: StageAction, date: string): Promise<string[]> {
  const { field, to } = stageSteps[action];
  await tx.project.update({ where: { id: project.id }, data: { stage: to, [field]: new Date(`${date}T00:00:00Z`) } });
  await record({ kind: 'project.stage_changed', projectId: project.id, before: { stage: project.stage }, after: { stage: to, [field]: date } });
  if (action !== 'start' || project.service !== 'approving') return [];
  const { chosen } = await choosePlanItems(tx, { id: project.id, startedOn: now }, []);
  return chosen.filter((item) => item.phase >= AFTER_START_PHASE).map((item) => item.itemName);
}
