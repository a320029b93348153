// One line of the archive (一事一档, 002 五(十)): what an event-log row means, in Chinese.
import { isPhase, phaseNames } from '../catalogue/approval-phases.js';
import { stageNames } from '../project/project-stage.js';

export interface EventFacts {
  kind: string;
  taskId: number | null;
  after: unknown;
}

type Facts = Record<string, unknown>;

const stage = (value: unknown) => stageNames[value as keyof typeof stageNames] ?? String(value);

const phrases: Record<string, (after: Facts, task: string) => string> = {
  'project.registered': () => '登记项目',
  'project.edited': (after) =>
    `修改项目：${Object.entries(after)
      .map(([label, value]) => `${label}改为${String(value)}`)
      .join('；')}`,
  'calendar.year_entered': (after) => `录入 ${String(after.year)} 年官方节假日安排`,
  'project.accepted': () => '受理帮办代办',
  'project.team_formed': (after) => `组建团队（${(after.memberIds as unknown[] | undefined)?.length ?? 0} 人）`,
  'plan.made': (after) => `制定方案（${(after.items as unknown[] | undefined)?.length ?? 0} 项）`,
  'plan.changed': (after) =>
    after.added ? `方案增加 ${(after.added as string[]).join('、')}` : `方案删除 ${((after.removed as string[] | undefined) ?? []).join('、')}`,
  'task.posted': (after, task) => `${task} 派单（${String(after.itemCode)}）`,
  'task.escalated': (after, task) => `${task} 超时未报到，第 ${String(after.escalationStep)} 级提醒`,
  'task.taken': (after, task) => `${task} 报到（派单后 ${String(after.minutesAfterPosting)} 分钟${after.late ? '，超时' : ''}）`,
  'task.notified': (after, task) => `${task} 一次性告知 ${(after.noticeMaterials as unknown[] | undefined)?.length ?? 0} 项材料`,
  'task.notified_again': (after, task) => `${task} 补充告知，共 ${(after.noticeMaterials as unknown[] | undefined)?.length ?? 0} 项材料`,
  'project.materials_told': (after) =>
    `一次性告知企业 ${(after.items as unknown[] | undefined)?.length ?? 0} 个事项的材料${after.told ? '' : '（企业联络员未绑定，已记录）'}`,
  'task.no_more_materials': (_after, task) => `${task} 无需企业补充材料`,
  'task.done': (after, task) => `${task} 办结：${String(after.result)}`,
  'task.returned': (after, task) => `${task} 退回：${String(after.reason)}`,
  'task.suspended': (after, task) => `${task} 中止计时：${String(after.reason)}`,
  'task.resumed': (after, task) => `${task} 恢复计时，顺延 ${String(after.pausedWorkingDays)} 个工作日`,
  'task.cancelled': (_after, task) => `${task} 撤销`,
  'project.stage_changed': (after) => `阶段改为${stage(after.stage)}`,
  'project.phase_changed': (after) => (typeof after.phase === 'number' && isPhase(after.phase) ? `进入${phaseNames[after.phase]}阶段` : '审批事项全部办结'),
  'project.closed': () => '帮办代办服务办结',
  'project.terminated': (after) => `终止：${String(after.reason)}`,
  'project.contact_bound': () => '企业联络员绑定',
  'problem.reported': (after) => `报送问题 Q${String(after.problemId)}（${String(after.category)}）：${String(after.description)}`,
  'problem.none_reported': (after) => `${String(after.week)} 报无问题`,
  'problem.answered': (after) => `答复问题 Q${String(after.problemId)}：${String(after.text)}`,
  'problem.escalated': (after) => `问题 Q${String(after.problemId)} 提交周例会，意见：${String(after.text)}`,
  'problem.closed': (after) => `问题 Q${String(after.problemId)} 销号`,
  'project.month_reported': (after) => `${String(after.month)} 月报：完成投资 ${String(after.investmentWan)} 万元，${String(after.progress)}`,
  'project.rated': (after) => `企业评价 ${String(after.score)} 分${after.comment ? `：${String(after.comment)}` : ''}`,
};

/** @example describeEvent({ kind: 'task.taken', taskId: 3, after: { minutesAfterPosting: 12 } }) // 'T3 报到（派单后 12 分钟）' */
export function describeEvent(event: EventFacts): string {
  const after = (typeof event.after === 'object' && event.after !== null ? event.after : {}) as Facts;
  const phrase = phrases[event.kind];
  return phrase ? phrase(after, event.taskId === null ? '' : `T${event.taskId}`) : event.kind;
}
