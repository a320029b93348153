// The routing table: each command word and card action → one small handler (docs/architecture.md).
import { coordinatorRoles, type Role } from '../domain/roles.js';
import type { Policy } from '../domain/policy.js';
import type { Command, Handler } from './context.js';
import { help } from './help.js';
import { editCalendar } from './admin/edit-calendar.js';
import { syncDirectory } from './admin/sync-directory.js';
import { showSettings } from './admin/show-settings.js';
import { showStatus } from './admin/show-status.js';
import { showArchive } from './archive/show-archive.js';
import { applyGreenCard } from './green-card/apply-green-card.js';
import { issueGreenCard } from './green-card/issue-green-card.js';
import { revokeGreenCard } from './green-card/revoke-green-card.js';
import { showGreenCard } from './green-card/show-green-card.js';
import { manageCatalogue } from './catalogue/manage-catalogue.js';
import { answerComplaint } from './complaints/answer-complaint.js';
import { fileComplaint } from './complaints/file-complaint.js';
import { bindContact } from './enterprise/bind-contact.js';
import { showLedger } from './ledger/show-ledger.js';
import { ledgerReaders as ledgerReaderRoles } from '../use-cases/ledger-readers.js';
import { confirmImport } from './import/confirm-import.js';
import { rateService } from './enterprise/rate-service.js';
import { recordEntrustment } from './enterprise/record-entrustment.js';
import { recordRevisit } from './enterprise/record-revisit.js';
import { servicePlan } from './plans/service-plan.js';
import { changeProblem } from './problems/change-problem.js';
import { reportMonth } from './problems/report-month.js';
import { reportNoProblem, reportProblem } from './problems/report-problem.js';
import { showProgress } from './progress/show-progress.js';
import { openKanban } from './kanban/open-kanban.js';
import { acceptProject } from './projects/accept-project.js';
import { changeStage } from './projects/change-stage.js';
import { editProject } from './projects/edit-project.js';
import { endProject } from './projects/end-project.js';
import { formTeam } from './projects/form-team.js';
import { registerProject } from './projects/register-project.js';
import { reissueBindCode } from './projects/reissue-bind-code.js';
import { finishTask } from './tasks/finish-task.js';
import { notifyMaterials } from './tasks/notify-materials.js';
import { postTaskCards } from './tasks/post-task-cards.js';
import { resumeTask } from './tasks/resume-task.js';
import { returnTask } from './tasks/return-task.js';
import { suspendTask } from './tasks/suspend-task.js';
import { takeCall } from './tasks/take-call.js';
import { withdrawTask } from './tasks/withdraw-task.js';

/** Agents and 责任领导 act on their own unit's tasks (002 五(五); 004 附件). */
const unitStaff: readonly Role[] = ['agent', 'unit_leader'];
/** Everyone in the roster, i.e. everyone but an enterprise contact. */
const officials: readonly Role[] = [...coordinatorRoles, 'agent', 'unit_leader', 'county_leader', 'main_leader', 'inspection'];
/** Who reads the whole ledger: the coordinators (重点项目办 among them), 督查中心 and the leaders (003 一(三)5(2)). */
const ledgerReaders: readonly Role[] = ledgerReaderRoles;
/**
 * 绵阳's 服务绿卡 (000): the county or the enterprise applies, 招商服务中心 (市经济合作局) issues and revokes
 * (第四条). Not the 管理员, who keeps the roster, catalogue, calendar and settings (and whose 帮助 is full).
 */
const greenCard = (policy: Policy) => policy.greenCard !== null;
const cardApplicants: readonly Role[] = ['window', 'project_office', 'investment_center', 'enterprise'];
const cardIssuers: readonly Role[] = ['investment_center'];
const cardReaders: readonly Role[] = [...officials.filter((role) => role !== 'admin'), 'enterprise'];
/**
 * The 看板 (issue 19): everyone who reads projects — officials and enterprise contacts — but not the 管理员 as such,
 * who keeps the roster and settings and whose 帮助 already fills one WeCom message (test/handlers/help-fits-one-message).
 */
const kanbanViewers: readonly Role[] = [...officials.filter((role) => role !== 'admin'), 'enterprise'];
/** Who imports a county's ledger (an XLSX sent to the bot): the admins and 重点项目办, which keeps the ledgers (003 一(二)). */
export const ledgerImporters: readonly Role[] = ['admin', 'project_office'];

export const commands: readonly Command[] = [
  { word: '帮助', roles: 'registered', summary: '查看你能用的命令', example: '帮助', run: (ctx) => help(ctx, commands) },
  {
    word: '登记项目',
    roles: coordinatorRoles,
    summary: '登记已签约项目',
    example: '登记项目 名称：光伏组件项目 投资：3.5亿 责任单位：发改委',
    run: registerProject,
  },
  {
    word: '修改项目',
    roles: coordinatorRoles,
    summary: '修改名称、投资、企业、联系人等',
    example: '修改项目 P12 投资：8亿',
    run: editProject,
  },
  { word: '绑定码', roles: coordinatorRoles, summary: '重发企业绑定码，旧码作废', example: '绑定码 P12', run: reissueBindCode },
  { word: '受理', roles: coordinatorRoles, summary: '受理帮办代办', example: '受理 P12', run: acceptProject },
  {
    word: '委托',
    roles: coordinatorRoles,
    summary: '登记委托协议（全程，或：委托 P12 部分 环评）',
    example: '委托 P12 全程',
    run: recordEntrustment,
  },
  { word: '组建团队', roles: coordinatorRoles, summary: '确定包抓领导和单位', example: '组建团队 P12 领导 李四 单位 自然资源局', run: formTeam },
  { word: '方案', roles: coordinatorRoles, summary: '制定或修改服务方案', example: '方案 P12 增加 取水', run: servicePlan },
  {
    word: '派单',
    roles: coordinatorRoles,
    summary: '向各单位派发任务，开始报到计时',
    example: '派单 P12 全部',
    run: postTaskCards,
  },
  { word: '撤销', roles: coordinatorRoles, summary: '撤回已派出的事项', example: '撤销 T9 企业调整建设方案', run: withdrawTask },
  { word: '报到', roles: unitStaff, summary: '领受本单位任务（一次报到该项目的全部事项）', example: '报到 T34', run: takeCall },
  { word: '告知', roles: unitStaff, summary: '补充告知企业所需材料，或说明无需补充材料', example: '告知 T34 材料：营业执照、土地证', run: notifyMaterials },
  { word: '办结', roles: unitStaff, summary: '任务办结，结果送专窗和企业', example: '办结 T34 已出具批复', run: finishTask },
  { word: '退回', roles: unitStaff, summary: '不予受理，一次写明全部原因', example: '退回 T34 缺少用地预审意见', run: returnTask },
  { word: '中止', roles: unitStaff, summary: '补正材料等期间中止计时', example: '中止 T34 企业补正材料', run: suspendTask },
  { word: '恢复', roles: unitStaff, summary: '恢复计时', example: '恢复 T34', run: resumeTask },
  { word: '进度', roles: 'registered', summary: '查看项目进度和红黄绿灯', example: '进度 P12', run: showProgress },
  { word: '看板', roles: kanbanViewers, summary: '打开网页看板', example: '看板', run: openKanban },
  { word: '开工', roles: coordinatorRoles, summary: '登记开工', example: '开工 P12 2026-06-01', run: changeStage('start') },
  { word: '投产', roles: coordinatorRoles, summary: '登记竣工投产', example: '投产 P12', run: changeStage('produce') },
  { word: '入库', roles: coordinatorRoles, summary: '登记纳统入库', example: '入库 P12 2026-12-01', run: changeStage('enroll') },
  { word: '终止', roles: coordinatorRoles, summary: '终止服务', example: '终止 P12 企业主动撤回', run: endProject('terminate') },
  { word: '办结项目', roles: coordinatorRoles, summary: '帮办代办服务办结', example: '办结项目 P12', run: endProject('close') },
  { word: '回访', roles: coordinatorRoles, summary: '服务结束后回访，记入档案', example: '回访 P12 用电已接通', run: recordRevisit },
  {
    word: '问题',
    roles: 'registered',
    summary: '报送项目需协调解决的问题和建议（每周二）',
    example: '问题 P12 土地摘牌未完成 建议：协调自然资源局',
    run: reportProblem,
  },
  { word: '无问题', roles: 'registered', summary: '本周没有需协调的问题', example: '无问题 P12', run: reportNoProblem },
  { word: '答复', roles: officials, summary: '答复问题', example: '答复 Q5 已协调，本周内摘牌', run: changeProblem('answer') },
  {
    word: '提交例会',
    roles: ['county_leader'],
    summary: '签署意见，问题提交周五例会',
    example: '提交例会 Q5 建议由主要领导协调用地指标',
    run: changeProblem('escalate'),
  },
  { word: '销号', roles: officials, summary: '问题已解决，销号', example: '销号 Q5', run: changeProblem('close') },
  { word: '月报', roles: 'registered', summary: '报本月完成投资和进展（每月 20 日起）', example: '月报 P12 1200万 主体厂房封顶', run: reportMonth },
  { word: '评价', roles: ['enterprise'], summary: '服务结束后评价（1–5 分；有多个项目时写明编号：评价 P12 5）', example: '评价 5 服务很好', run: rateService },
  { word: '投诉', roles: ['enterprise'], summary: '投诉，限期书面答复（多个项目时写明编号）', example: '投诉 材料反复要求补正', run: fileComplaint },
  {
    word: '答复投诉',
    roles: ['project_office', 'county_leader'],
    summary: '书面答复企业投诉',
    example: '答复投诉 C3 已协调，本周内出具意见',
    run: answerComplaint,
  },
  { word: '台账', roles: ledgerReaders, summary: '下载项目台账（Excel）', example: '台账', run: showLedger },
  { word: '确认导入', roles: ledgerImporters, summary: '导入台账', example: '确认导入', run: confirmImport },
  { word: '档案', roles: officials, summary: '项目全过程记录（一事一档）', example: '档案 P12', run: showArchive },
  { word: '事项', roles: officials, summary: '查看审批事项目录', example: '事项 环评', run: manageCatalogue },
  {
    word: '日历',
    roles: ['admin'],
    summary: '查看或录入法定节假日和调休（整年：日历 导入）',
    example: '日历 2027',
    run: editCalendar,
  },
  { word: '同步通讯录', roles: ['admin'], summary: '按所在平台的通讯录核对名册', example: '同步通讯录', run: syncDirectory },
  { word: '状态', roles: ['admin'], summary: '查看运行状态（消息、来信、备份）', example: '状态', run: showStatus },
  { word: '设置', roles: ['admin'], summary: '查看本县规则及其来源', example: '设置', run: showSettings },
  { word: '绑定', roles: 'anyone', summary: '企业联络员用绑定码绑定项目', example: '绑定 123456', run: bindContact },
  {
    word: '申请绿卡',
    roles: cardApplicants,
    summary: '申请或续用服务绿卡',
    example: '申请绿卡 P12',
    run: applyGreenCard,
    enabled: greenCard,
  },
  { word: '发放绿卡', roles: cardIssuers, summary: '审核后发放服务绿卡', example: '发放绿卡 P12', run: issueGreenCard, enabled: greenCard },
  {
    word: '注销绿卡',
    roles: cardIssuers,
    summary: '注销服务绿卡，三年内不得再申请',
    example: '注销绿卡 P12 企业迁出本市',
    run: revokeGreenCard,
    enabled: greenCard,
  },
  { word: '绿卡', roles: cardReaders, summary: '查看服务绿卡', example: '绿卡 P12', run: showGreenCard, enabled: greenCard },
];

/** Call-card buttons (handlers/shared/build-call-card.ts), by button id; each does what the matching text command does. */
export const cardActionHandlers: Partial<Record<string, Handler>> = {
  take: takeCall,
  finish: finishTask,
  return: returnTask,
};
