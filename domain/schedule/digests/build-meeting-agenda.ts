// Friday 08:30: the 重点项目周例会 agenda for the main leaders (003 一(三)5(1): 分管县领导难以协调
// 解决的问题，由其签署意见后，于周五提交县委县政府主要领导召开的重点项目周例会协调解决): problems the
// leaders sent up with their opinion, problems open longer than policy.staleProblemDays, overdue
// tasks, and projects past a deadline. It says so plainly when there is nothing to decide.
import { markProvisional } from '../../calendar/mark-provisional.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { Digest } from '../schedule-snapshot.js';
import { problemStateNames, type ProblemState } from '../../problems/problem-rules.js';
import {
  labelOf,
  lightOfProject,
  lightOfTask,
  nameOf,
  openDeadlines,
  peopleWith,
  projectById,
  shownDueOn,
  titled,
  unitName,
  type DigestContext,
} from './describe-project.js';

const DAY_MS = 86_400_000;

export function buildMeetingAgenda(context: DigestContext, week: string, late: boolean): Digest[] {
  const { snapshot, now, policy, calendar } = context;
  const today = shanghaiDate(now);
  const projectOf = (id: number) => projectById(snapshot, id)!;
  const escalated = snapshot.problems.filter((problem) => problem.state === 'escalated');
  const stale = snapshot.problems.filter(
    (problem) => problem.state !== 'escalated' && problem.state !== 'closed' && now.getTime() - problem.createdAt.getTime() > policy.staleProblemDays * DAY_MS,
  );
  const overdue = snapshot.tasks.filter((task) => lightOfTask(task, context) === 'red');
  const late_ = snapshot.projects
    .map((project) => ({ project, passed: openDeadlines(project, context).filter((deadline) => deadline.dueOn < today) }))
    .filter((entry) => entry.passed.length > 0 && lightOfProject(entry.project, context) === 'red');

  const lines = [
    `提交例会 ${escalated.length} · 超 ${policy.staleProblemDays} 天未解决 ${stale.length} · 逾期任务 ${overdue.length} · 期限已过项目 ${late_.length}`,
  ];
  if (escalated.length + stale.length + overdue.length + late_.length === 0) lines.push('本周没有需要例会研究决定的事项。');
  if (escalated.length > 0) {
    lines.push('**县领导提交的问题**');
    for (const problem of escalated)
      lines.push(
        `- Q${problem.id} ${labelOf(projectOf(problem.projectId), context)}：${problem.description} · ${nameOf(snapshot, problem.leaderId)}意见：${problem.leaderOpinion ?? ''}`,
      );
  }
  if (stale.length > 0) {
    lines.push(`**超过 ${policy.staleProblemDays} 天未解决的问题**`);
    for (const problem of stale)
      lines.push(
        `- Q${problem.id} ${labelOf(projectOf(problem.projectId), context)}：${problem.description}（${Math.floor((now.getTime() - problem.createdAt.getTime()) / DAY_MS)} 天，${problemStateNames[problem.state as ProblemState]}）`,
      );
  }
  if (overdue.length > 0) {
    lines.push('**逾期任务**');
    for (const task of overdue)
      lines.push(
        `- T${task.id} P${task.projectId} ${task.itemName} · ${unitName(snapshot, task.unitId)} · ${task.state === 'posted' ? '未报到' : `应于 ${shownDueOn(task, context)} 办结`}`,
      );
  }
  if (late_.length > 0) {
    lines.push('**期限已过的项目**');
    for (const { project, passed } of late_)
      lines.push(
        `- ${labelOf(project, context)} · ${passed.map((deadline) => `${deadline.label} ${markProvisional(calendar, deadline.dueOn, deadline.from)}`).join('、')}`,
      );
  }
  const readers = [...peopleWith(snapshot, 'main_leader'), ...peopleWith(snapshot, 'project_office')];
  return readers.map((person) => ({ personId: person.id, title: titled(`重点项目周例会议题 ${week}`, late), markdown: lines.join('\n') }));
}
