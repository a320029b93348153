// The monthly lists of 003: the 1st, last month's signed projects to 重点项目办 (一(二)4(1)); the
// 3rd, the ledger of major projects to start, with leader, unit, start deadline and open
// procedures (一(二)4(2)); the 5th, each unit's assigned approvals with deadlines to its agent and
// 责任领导 (一(二)4(3) 任务交办); the 20th, each team asked for its 月报 (一(三)5(2)); the 28th,
// the city-wide 集中签约 (一(一)3).
import { markProvisional } from '../../calendar/mark-provisional.js';
import { openTaskStates, type TaskState } from '../../task/task-state.js';
import { formatInvestment } from '../../commands/parse-investment.js';
import { lightSymbols } from '../../project/traffic-light.js';
import type { Digest } from '../schedule-snapshot.js';
import { readMonthlyStep } from '../read-monthly-step.js';
import {
  labelOf,
  lightOfTask,
  nameOf,
  openDeadlines,
  peopleWith,
  servedByTeam,
  shownDueOn,
  titled,
  unitName,
  type DigestContext,
  tasksOf,
  unitAgents,
} from './describe-project.js';

/** `2026-11` → `2026-10`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

const toOffice = (context: DigestContext, title: string, lines: string[]): Digest[] =>
  peopleWith(context.snapshot, 'project_office').map((person) => ({ personId: person.id, title, markdown: lines.join('\n') }));

export function buildSignedList(context: DigestContext, month: string, late: boolean): Digest[] {
  const last = previousMonth(month);
  const signed = context.snapshot.projects.filter((project) => project.signedOn?.startsWith(last));
  const total = signed.reduce((sum, project) => sum + project.investmentWan, 0);
  const lines = signed.length === 0 ? [`${last} 没有新签约项目。`] : [`${last} 签约 ${signed.length} 个，总投资 ${formatInvestment(total)}：`];
  for (const project of signed)
    lines.push(
      `- P${project.id} ${project.name} · ${formatInvestment(project.investmentWan)} · ${unitName(context.snapshot, project.leadUnitId)}${project.content ? ` · ${project.content}` : ''}`,
    );
  return toOffice(context, titled(`上月签约项目 ${last}`, late), lines);
}

export function buildStartLedger(context: DigestContext, month: string, late: boolean): Digest[] {
  const { snapshot } = context;
  const toStart = snapshot.projects.filter((project) => project.stage === 'signed' && project.service !== 'terminated');
  const lines = toStart.length === 0 ? ['没有待开工的项目。'] : [`待开工项目 ${toStart.length} 个：`];
  for (const project of toStart) {
    const start = openDeadlines(project, context).find((deadline) => deadline.label === '开工');
    const procedures = tasksOf(snapshot, project.id).filter((task) => openTaskStates.includes(task.state as TaskState) && task.phase <= 3);
    const planned = [
      project.expectedStartOn ? `预计开工 ${project.expectedStartOn}` : '',
      project.targetTasks ? `目标任务：${project.targetTasks}` : '',
      project.timeNodes ? `时间节点：${project.timeNodes}` : '',
    ].filter(Boolean);
    lines.push(
      `- ${labelOf(project, context)} · ${nameOf(snapshot, project.leaderId)} · ${unitName(snapshot, project.leadUnitId)} · 开工期限 ${start ? markProvisional(context.calendar, start.dueOn, start.from) : '未定'}${planned.map((part) => ` · ${part}`).join('')} · 在办手续 ${procedures.length} 项${procedures.length ? `：${procedures.map((task) => task.itemName).join('、')}` : ''}`,
    );
  }
  return toOffice(context, titled(`拟开工重大项目台账 ${month}`, late), lines);
}

export function buildAssignment(context: DigestContext, month: string, late: boolean): Digest[] {
  const { snapshot } = context;
  const open = snapshot.tasks.filter((task) => openTaskStates.includes(task.state as TaskState));
  const digests: Digest[] = [];
  for (const unitId of [...new Set(open.map((task) => task.unitId))].sort((a, b) => a - b)) {
    const tasks = open.filter((task) => task.unitId === unitId);
    const red = tasks.filter((task) => lightOfTask(task, context) === 'red').length;
    const lines = [`本单位在办 ${tasks.length} 项，逾期 ${red} 项：`];
    for (const task of tasks) {
      const light = lightOfTask(task, context);
      lines.push(
        `- T${task.id} P${task.projectId} ${task.itemName} ${light ? lightSymbols[light] : ''} · ${task.state === 'posted' ? '待报到' : `${shownDueOn(task, context) ?? '未定'} 前办结`}`,
      );
    }
    for (const person of new Set([...unitAgents(snapshot, unitId), ...peopleWith(snapshot, 'unit_leader', unitId)])) {
      digests.push({ personId: person.id, title: titled(`${month} 任务交办`, late), markdown: lines.join('\n') });
    }
  }
  return digests;
}

export function buildProgressAsk(context: DigestContext, month: string, late: boolean): Digest[] {
  const { snapshot } = context;
  const reported = new Set(snapshot.monthlyReports.filter((report) => report.month === month).map((report) => report.projectId));
  const waiting = snapshot.projects.filter(
    (project) =>
      (servedByTeam(project) || (project.stage === 'producing' && project.service !== 'terminated')) &&
      project.leadUnitId !== null &&
      !reported.has(project.id),
  );
  const digests: Digest[] = [];
  for (const unitId of [...new Set(waiting.map((project) => project.leadUnitId!))].sort((a, b) => a - b)) {
    const projects = waiting.filter((project) => project.leadUnitId === unitId);
    const lines = [
      `请在 ${readMonthlyStep(context.policy.monthlyDays.ranking, context.policy.monthlyTime)!.day} 日前报送以下项目本月进展：`,
      ...projects.map((project) => `- ${labelOf(project, context)}`),
      `报送：月报 P${projects[0]!.id} 本月完成投资 进展（例：月报 P${projects[0]!.id} 1200万 主体厂房封顶）`,
    ];
    for (const agent of unitAgents(snapshot, unitId)) digests.push({ personId: agent.id, title: titled(`${month} 月报`, late), markdown: lines.join('\n') });
  }
  return digests;
}

export function buildSigningReminder(context: DigestContext, month: string, late: boolean): Digest[] {
  const { snapshot } = context;
  const signed = snapshot.projects.filter((project) => project.signedOn?.startsWith(month)).length;
  const lines = [`今天是全市集中签约日。本月已登记签约 ${signed} 个项目。`, '签约后请及时登记：登记项目 名称：… 投资：… 企业：… 责任单位：…'];
  const readers = [...peopleWith(snapshot, 'investment_center'), ...peopleWith(snapshot, 'project_office')];
  return readers.map((person) => ({ personId: person.id, title: titled(`${month} 集中签约`, late), markdown: lines.join('\n') }));
}
