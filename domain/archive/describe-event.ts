// One line of the archive (一事一档, 002 五(十)): what an event-log row means, in Chinese. Items are
// named as people know them (「环境影响评价审批」), not by catalogue code, and people by name.
import { isPhase, phaseNames } from '../catalogue/approval-phases.js';
import { stageNames } from '../project/project-stage.js';
import { serviceNames } from '../project/service-state.js';

export interface EventFacts {
  kind: string;
  taskId: number | null;
  after: unknown;
  /** The values before the change, where the event kept them (修改项目). */
  before?: unknown;
}

/** How the archive names what events hold by id or code. */
export interface ArchiveNames {
  /** A catalogue item code → its name. */
  item(code: string): string;
  /** A Person.id → the person's name. */
  person(id: number): string;
  /** A Person.id → unit, role and name, as escalations name who was told: "自然资源局 责任领导 王某". */
  official(id: number): string;
}

/**
 * The kinds of event that record an escalation of an untaken card; each holds `after.told`, the
 * Person ids who were told (use-cases/escalate-due-calls.ts).
 */
export const escalationEventKinds: readonly string[] = ['task.escalated'];

type Facts = Record<string, unknown>;

const byCode: ArchiveNames = { item: (code) => code, person: (id) => `#${id}`, official: (id) => `#${id}` };

const list = (value: unknown) => (Array.isArray(value) ? value : []);

function describeEscalation(after: Facts, task: string, names: ArchiveNames): string {
  const parts = [`${task ? `${task} ` : ''}超时未报到`];
  if (typeof after.escalationStep === 'number') parts.push(`第 ${after.escalationStep} 级提醒`);
  if (Array.isArray(after.told)) parts.push(after.told.length > 0 ? `已提醒 ${after.told.map((id) => names.official(Number(id))).join('、')}` : '无人可提醒');
  return parts.join('，');
}

/** Field changes with their before and after (修改项目, an import's update): `投资由3.5亿元改为4亿元`. */
const describeChanges = (after: Facts, before: Facts) =>
  Object.entries(after)
    .map(([label, value]) => `${label}${before[label] ? `由${String(before[label])}` : ''}改为${String(value)}`)
    .join('；');

const service = (value: unknown) => serviceNames[value as keyof typeof serviceNames] ?? String(value);
// A stage change names its date (开工 2026-11-20). Events written before the service and the stage were apart
// hold the service's words (approving) in `stage`: those read as the service's change.
const stageChange = (after: Facts) => {
  const stage = stageNames[after.stage as keyof typeof stageNames];
  if (!stage) return `服务改为${service(after.stage)}`;
  const date = [after.startedOn, after.producedOn, after.enrolledOn].find((value) => typeof value === 'string');
  return `项目阶段改为${stage}${date ? `（${String(date)}）` : ''}`;
};

const phrases: Record<string, (after: Facts, task: string, names: ArchiveNames, before: Facts) => string> = {
  'project.registered': () => '登记项目',
  'project.edited': (after, _task, _names, before) => `修改项目：${describeChanges(after, before)}`,
  // Imported from a county's ledger (docs/domain.md "Importing a ledger"): the file is named, as the paper it came from.
  'project.imported': (after) => `导入（「${String(after.fileName)}」第 ${String(after.line)} 行）`,
  'project.import_updated': ({ fileName, ...after }, _task, _names, before) => `导入「${String(fileName)}」更新：${describeChanges(after, before)}`,
  'calendar.year_entered': (after) => `录入 ${String(after.year)} 年官方节假日安排`,
  'project.accepted': () => '受理帮办代办',
  'project.team_formed': (after) => `组建团队（${(after.memberIds as unknown[] | undefined)?.length ?? 0} 人）`,
  'plan.made': (after) => `制定方案（${(after.items as unknown[] | undefined)?.length ?? 0} 项）`,
  'plan.changed': (after, _task, names) =>
    `方案${after.added ? '增加' : '删除'} ${list(after.added ?? after.removed)
      .map((code) => `「${names.item(String(code))}」`)
      .join('')}`,
  'task.posted': (after, task, names) => `${task} 派单「${names.item(String(after.itemCode))}」`,
  ...Object.fromEntries(escalationEventKinds.map((kind) => [kind, describeEscalation])),
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
  'task.withdrawn': (after, task) => `${task} 撤销：${String(after.reason)}`,
  'project.stage_changed': (after) => stageChange(after),
  'project.service_changed': (after) => `服务改为${service(after.service)}`,
  'project.phase_changed': (after) => (typeof after.phase === 'number' && isPhase(after.phase) ? `进入${phaseNames[after.phase]}阶段` : '审批事项全部办结'),
  'project.closed': () => '帮办代办服务办结',
  'project.terminated': (after) => `终止：${String(after.reason)}`,
  'project.contact_bound': () => '企业联络员绑定',
  'project.entrusted': (after, _task, names) =>
    `签订委托协议：${
      after.scope === 'part'
        ? `部分帮办代办${list(after.items)
            .map((code) => `「${names.item(String(code))}」`)
            .join('')}`
        : '全程帮办代办'
    }${after.client ? `（委托方 ${String(after.client)}）` : ''}`,
  'project.revisited': (after) => `回访${after.complaintFollowedUp ? '（跟进差评）' : ''}：${String(after.text)}`,
  'project.bind_code_issued': () => '重发企业联络员绑定码，此前的绑定码作废',
  'green_card.applied': (after) => (after.renewal ? '申请续用服务绿卡' : '申请服务绿卡'),
  'green_card.issued': (after) => `${after.renewal ? '续用' : '发放'}服务绿卡，有效期至 ${String(after.validUntil)}`,
  'green_card.revoked': (after) => `注销服务绿卡：${String(after.reason)}（${String(after.mayApplyOn)} 起可再次申请）`,
  'green_card.renewal_reminded': (after) => `服务绿卡 ${String(after.validUntil)} 到期，已提醒申请续用`,
  'rating.complaint_overdue': (after) => `差评跟进逾期（限 ${String(after.followUpBy)} 前回访），已提醒重点项目办和包抓领导`,
  'complaint.filed': (after) => `投诉 C${String(after.complaintId)}：${String(after.text)}（限 ${String(after.replyBy)} 前书面答复）`,
  'complaint.reminded': (after) => `投诉 C${String(after.complaintId)} 今天到期，已提醒答复人`,
  'complaint.escalated': (after) => `投诉 C${String(after.complaintId)} 逾期未答复（限 ${String(after.replyBy)} 前），已告知督查中心督办`,
  'complaint.answered': (after) => `答复投诉 C${String(after.complaintId)}：${String(after.text)}`,
  'problem.reported': (after) => `报送问题 Q${String(after.problemId)}（${String(after.category)}）：${String(after.description)}`,
  'problem.none_reported': (after) => `${String(after.week)} 报无问题`,
  'problem.answered': (after) => `答复问题 Q${String(after.problemId)}：${String(after.text)}`,
  'problem.escalated': (after) => `问题 Q${String(after.problemId)} 提交周例会，意见：${String(after.text)}`,
  'problem.closed': (after) => `问题 Q${String(after.problemId)} 销号${after.reason ? `（${String(after.reason)}）` : ''}`,
  'project.month_reported': (after) => `${String(after.month)} 月报：完成投资 ${String(after.investmentWan)} 万元，${String(after.progress)}`,
  'project.rated': (after) =>
    `企业评价 ${String(after.score)} 分${after.comment ? `：${String(after.comment)}` : ''}${after.followUpBy ? `（差评，限 ${String(after.followUpBy)} 前回访）` : ''}`,
};

/**
 * @example describeEvent({ kind: 'task.taken', taskId: 3, after: { minutesAfterPosting: 12 } }) // 'T3 报到（派单后 12 分钟）'
 * @example describeEvent({ kind: 'task.posted', taskId: 3, after: { itemCode: 'HB-01' } }, names) // 'T3 派单「环境影响评价审批」'
 */
export function describeEvent(event: EventFacts, names: ArchiveNames = byCode): string {
  const facts = (value: unknown) => (typeof value === 'object' && value !== null ? value : {}) as Facts;
  const phrase = phrases[event.kind];
  return phrase ? phrase(facts(event.after), event.taskId === null ? '' : `T${event.taskId}`, names, facts(event.before)) : event.kind;
}
