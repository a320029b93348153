// The Chinese line for each plan item 派单 could not send (use-cases/choose-plan-items.ts, use-cases/post-calls.ts).
import type { PlanItemProblem } from '../../use-cases/choose-plan-items.js';
import type { PostProblem } from '../../use-cases/post-calls.js';

export function describePlanProblem(problem: PlanItemProblem | PostProblem, projectId: number): string {
  switch (problem.kind) {
    case 'ambiguous':
      return `「${problem.name}」有多项：${problem.candidates.join('、')}`;
    case 'not-in-plan':
      return `方案中没有「${problem.name}」`;
    case 'already-posted':
      return `「${problem.itemName}」已派单（T${problem.taskId}）`;
    case 'no-unit':
      return `「${problem.itemName}」在名册中没有办理单位`;
    case 'unit-not-in-team':
      return `「${problem.itemName}」的办理单位${problem.unitName}不在团队中，未派单（先「组建团队 P${projectId} 单位 … ${problem.unitName}」把它加入团队）`;
    case 'unit-without-staff':
      return `${problem.unitName}在名册中没有代办员或责任领导，「${problem.itemNames.join('」「')}」未派单`;
  }
}
