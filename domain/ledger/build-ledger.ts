// 台账: the whole ledger as four sheets — projects with the fields of 003 一(二)4 and 004 三(一)1 (联系人 and
// 电话 included), the open task cards with their phase and lights, the problems of the weekly chain with
// suggestion, answers and the leader's opinion (003 一(三)5(1)), and the month's unit ranking (003 一(三)5(2))
// — a pure function of plain data, so the reply to `台账` and the 22nd's ranking send the same workbook.
// A deadline that depends on a provisional year carries （暂定）, as everywhere people read it, and so
// stays text in its date column (use-cases/write-ledger-xlsx.ts).
// Dates are `YYYY-MM-DD` and times `YYYY-MM-DD HH:mm` in Asia/Shanghai; use-cases/write-ledger-xlsx.ts turns
// the columns marked date/datetime into real spreadsheet dates.
import { phaseNames, type Phase } from '../catalogue/approval-phases.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { markProvisional } from '../calendar/mark-provisional.js';
import { formatShanghai, shanghaiDate, type IsoDate } from '../calendar/shanghai-time.js';
import type { Policy } from '../policy.js';
import { problemStateNames, type ProblemState } from '../problems/problem-rules.js';
import { projectDeadlines } from '../project/project-deadlines.js';
import { projectLight } from '../project/project-light.js';
import { stageNames, type Stage } from '../project/project-stage.js';
import { serviceNames, type ServiceState } from '../project/service-state.js';
import { taskLight, type Light } from '../project/traffic-light.js';
import type { RankingData } from '../schedule/digests/rank-month.js';
import { openTaskStates } from '../task/task-state.js';
import { buildRankingSheet } from './build-ranking-sheet.js';
import type { LedgerColumn, LedgerSheet } from './ledger-sheet.js';

export interface LedgerProject {
  id: number;
  name: string;
  content: string;
  investmentWan: number;
  industry: string;
  enterprise: string;
  /** 联系人 and 电话 (004 三(一)1 项目负责人联系电话). */
  contactName: string;
  contactMobile: string | null;
  /** Names, resolved by the caller; null when not set. */
  leadUnit: string | null;
  leadUnitId: number | null;
  leader: string | null;
  /** The project's own stage and the 帮办代办 service (docs/domain.md "Project life cycle"). */
  stage: string;
  service: string;
  /** 目标任务, 时间节点 (003 一(二)4(2)) and 预计开工. */
  targetTasks: string;
  timeNodes: string;
  expectedStartOn: IsoDate | null;
  signedOn: IsoDate | null;
  landListedOn: IsoDate | null;
  startedOn: IsoDate | null;
  producedOn: IsoDate | null;
  enrolledOn: IsoDate | null;
  acceptedAt: Date | null;
  teamFormedAt: Date | null;
  planMadeAt: Date | null;
}

/** Open items, and items finished lately (for the ranking sheet). */
export interface LedgerTask {
  id: number;
  projectId: number;
  itemName: string;
  phase: number;
  unit: string;
  unitId: number;
  callId: number;
  state: string;
  postedAt: Date;
  takenAt: Date | null;
  ackDueAt: Date;
  dueOn: IsoDate | null;
  suspendedAt: Date | null;
  doneAt: Date | null;
}

export interface LedgerProblem {
  id: number;
  projectId: number;
  category: string;
  description: string;
  suggestion: string;
  /** The answers (答复), oldest first, and the leader's signed opinion (提交例会). */
  answers: readonly string[];
  leaderOpinion: string | null;
  unit: string | null;
  leader: string | null;
  state: string;
  createdAt: Date;
  closedAt: Date | null;
}

export interface LedgerData extends RankingData {
  projects: readonly LedgerProject[];
  tasks: readonly LedgerTask[];
  problems: readonly LedgerProblem[];
  units: readonly { id: number; name: string }[];
}

export interface Ledger {
  fileName: string;
  sheets: LedgerSheet[];
}

export interface LedgerContext {
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
}

const lightNames: Record<Light, string> = { red: '红', yellow: '黄', green: '绿' };
const taskStateNames: Record<string, string> = { posted: '待报到', taken: '办理中', suspended: '已中止计时' };
const WEEK_MS = 7 * 86_400_000;

const text = (header: string, width: number): LedgerColumn => ({ header, width, format: 'text' });
const date = (header: string): LedgerColumn => ({ header, width: 12, format: 'date' });
const datetime = (header: string): LedgerColumn => ({ header, width: 17, format: 'datetime' });

/**
 * @example buildLedger({ projects: [], tasks: [], problems: [] }, { now: new Date('2026-11-23T02:00:00Z'), policy, calendar }).fileName // '项目台账-2026-11-23.xlsx'
 */
export function buildLedger(data: LedgerData, context: LedgerContext): Ledger {
  const { now, policy, calendar } = context;
  const openTasks = data.tasks.filter((task) => (openTaskStates as readonly string[]).includes(task.state)).sort((a, b) => a.id - b.id);
  const lightOf = (task: LedgerTask) => taskLight(task, now, calendar, policy.warnBeforeWorkingDays);
  const label = new Map(data.projects.map((project) => [project.id, `P${project.id} ${project.name}`]));

  const tasksOf = new Map<number, LedgerTask[]>();
  for (const task of openTasks) tasksOf.set(task.projectId, [...(tasksOf.get(task.projectId) ?? []), task]);

  // 开工期限 until 开工 (docs/domain.md "Project life cycle"), marked 暂定 in a provisional year.
  const startDeadline = (project: LedgerProject): string | null => {
    const due = projectDeadlines(project, policy, calendar).find((deadline) => deadline.label === '开工');
    return due ? markProvisional(calendar, due.dueOn, due.from) : null;
  };
  const completed = new Map<number, number>();
  for (const report of data.monthlyReports) completed.set(report.projectId, (completed.get(report.projectId) ?? 0) + report.investmentWan);

  const projects: LedgerSheet = {
    name: '项目',
    columns: [
      text('编号', 8),
      text('名称', 24),
      text('建设内容', 36),
      { header: '投资(万元)', width: 12, format: 'number' },
      text('行业', 12),
      text('责任单位', 18),
      text('实施企业', 24),
      text('联系人', 10),
      text('电话', 14),
      text('包抓领导', 10),
      text('目标任务', 24),
      text('时间节点', 24),
      text('服务', 8),
      text('项目阶段', 10),
      date('签约日期'),
      date('土地摘牌日期'),
      date('预计开工'),
      date('开工期限'),
      date('开工日期'),
      date('投产日期'),
      date('入库日期'),
      { header: '完成投资(万元)', width: 14, format: 'number' },
      text('灯', 5),
    ],
    rows: [...data.projects]
      .sort((a, b) => a.id - b.id)
      .map((project) => [
        `P${project.id}`,
        project.name,
        project.content || null,
        project.investmentWan,
        project.industry || null,
        project.leadUnit,
        project.enterprise || null,
        project.contactName || null,
        project.contactMobile,
        project.leader,
        project.targetTasks || null,
        project.timeNodes || null,
        serviceNames[project.service as ServiceState] ?? project.service,
        stageNames[project.stage as Stage] ?? project.stage,
        project.signedOn,
        project.landListedOn,
        project.expectedStartOn,
        startDeadline(project),
        project.startedOn,
        project.producedOn,
        project.enrolledOn,
        completed.get(project.id) ?? 0,
        lightNames[projectLight(project, tasksOf.get(project.id) ?? [], context)],
      ]),
  };

  const tasks: LedgerSheet = {
    name: '在办事项',
    columns: [
      text('编号', 8),
      text('项目', 28),
      text('事项', 28),
      text('阶段', 16),
      text('单位', 18),
      text('状态', 10),
      datetime('派单时间'),
      datetime('报到期限'),
      date('办结期限'),
      text('灯', 5),
    ],
    rows: openTasks.map((task) => {
      const light = lightOf(task);
      return [
        `T${task.id}`,
        label.get(task.projectId) ?? `P${task.projectId}`,
        task.itemName,
        phaseNames[task.phase as Phase] ?? null,
        task.unit,
        taskStateNames[task.state] ?? task.state,
        formatShanghai(task.postedAt, 'datetime'),
        markProvisional(calendar, shanghaiDate(task.ackDueAt), undefined, formatShanghai(task.ackDueAt, 'datetime')),
        task.dueOn && markProvisional(calendar, task.dueOn, task.takenAt ? shanghaiDate(task.takenAt) : task.dueOn),
        light ? lightNames[light] : null,
      ];
    }),
  };

  const problems: LedgerSheet = {
    name: '问题',
    columns: [
      text('编号', 8),
      text('项目', 28),
      text('类别', 8),
      text('描述', 40),
      text('建议', 30),
      text('答复', 40),
      text('领导意见', 30),
      text('责任单位', 18),
      text('包抓领导', 10),
      text('状态', 12),
      date('提出日期'),
      { header: '周数', width: 6, format: 'number' },
    ],
    rows: [...data.problems]
      .sort((a, b) => a.id - b.id)
      .map((problem) => [
        `Q${problem.id}`,
        label.get(problem.projectId) ?? `P${problem.projectId}`,
        problem.category,
        problem.description,
        problem.suggestion || null,
        problem.answers.join('\n') || null,
        problem.leaderOpinion,
        problem.unit,
        problem.leader,
        problemStateNames[problem.state as ProblemState] ?? problem.state,
        shanghaiDate(problem.createdAt),
        weeksOpen(problem, now),
      ]),
  };

  return {
    fileName: `项目台账-${shanghaiDate(now)}.xlsx`,
    sheets: [projects, tasks, problems, buildRankingSheet(data, shanghaiDate(now).slice(0, 7), context)],
  };
}

/** Weeks a problem has been open (to its 销号, or now), the week it was raised counting as 1. */
function weeksOpen(problem: LedgerProblem, now: Date): number {
  const end = problem.state === 'closed' && problem.closedAt ? problem.closedAt : now;
  return Math.floor(Math.max(0, end.getTime() - problem.createdAt.getTime()) / WEEK_MS) + 1;
}
