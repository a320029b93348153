// Wednesday 09:00: 重点项目办 gets every new problem, sorted by category and leader; each county
// leader gets those of the projects he leads (003 一(三)5(1): 县重点项目办分类汇总后于周三提交各分管
// 县领导协调解决). "New" means not yet carried by a Wednesday digest, so a problem reported after
// one digest goes out in the next. 重点项目办 also sees the items paused (中止) too long (list-long-pauses.ts).
// Beside the text, one chart for every reader: all open problems per 责任单位 and by age
// (domain/charts/build-problem-chart-option.ts); a leader's own list is in his text.
import type { Digest, SnapshotProblem } from '../schedule-snapshot.js';
import { labelOf, nameOf, peopleWith, servedByTeam, titled, type DigestContext, projectById } from './describe-project.js';
import { listLongPauses } from './list-long-pauses.js';
import { problemCategories } from '../../problems/classify-problem.js';
import { buildProblemChartOption } from '../../charts/build-problem-chart-option.js';
import type { ChartSpec } from '../../charts/chart-spec.js';

export interface LeaderDigests {
  digests: Digest[];
  /** To mark as carried, in the same transaction. */
  problemIds: number[];
  /** Sent after the text to each reader; null when no problem is open. */
  chart: ChartSpec | null;
}

export function buildLeaderDigest(context: DigestContext, week: string, late: boolean): LeaderDigests {
  const { snapshot } = context;
  const fresh = snapshot.problems.filter((problem) => problem.digestedAt === null && problem.state !== 'closed').sort((a, b) => a.id - b.id);
  const line = (problem: SnapshotProblem) => {
    const project = projectById(snapshot, problem.projectId)!;
    const suggestion = problem.suggestion ? `（建议：${problem.suggestion}）` : '';
    return `- Q${problem.id} ${labelOf(project, context)}：${problem.description}${suggestion}`;
  };

  const served = snapshot.projects.filter(servedByTeam);
  const answers = snapshot.weeklyAnswers.filter((answer) => answer.week === week);
  const none = answers.filter((answer) => answer.none).length;
  const answered = new Set(answers.map((answer) => answer.projectId));
  const silent = served.filter((project) => !answered.has(project.id));
  const byCategory = problemCategories
    .map((category) => ({ category, items: fresh.filter((problem) => problem.category === category) }))
    .filter((group) => group.items.length > 0);
  const leaderIds = [...new Set(fresh.map((problem) => problem.leaderId))];

  const office: string[] = [
    `新问题 ${fresh.length} 个${byCategory.length ? `（${byCategory.map((group) => `${group.category} ${group.items.length}`).join('、')}）` : ''}；无问题 ${none} 个项目；未报 ${silent.length} 个项目。`,
  ];
  if (fresh.length === 0) office.push('本周没有新问题。');
  for (const group of byCategory)
    office.push(`**${group.category}**`, ...group.items.map((problem) => `${line(problem)} · ${nameOf(snapshot, problem.leaderId)}`));
  if (leaderIds.length > 0)
    office.push(`按领导：${leaderIds.map((id) => `${nameOf(snapshot, id)} ${fresh.filter((problem) => problem.leaderId === id).length}`).join('、')}`);
  if (silent.length > 0) office.push(`未报：${silent.map((project) => `P${project.id}`).join('、')}`);
  const paused = listLongPauses(context);
  if (paused.length > 0) office.push(`**中止超过 ${context.policy.suspendReportWorkingDays} 个工作日**（恢复后不再列出）`, ...paused);

  const digests: Digest[] = peopleWith(snapshot, 'project_office').map((person) => ({
    personId: person.id,
    title: titled(`本周问题汇总 ${week}`, late),
    markdown: office.join('\n'),
  }));
  for (const leaderId of leaderIds) {
    if (leaderId === null || !snapshot.people.some((person) => person.id === leaderId)) continue;
    const mine = fresh.filter((problem) => problem.leaderId === leaderId);
    const first = mine[0]!.id;
    digests.push({
      personId: leaderId,
      title: titled('你包抓项目的本周问题', late),
      markdown: [
        `共 ${mine.length} 个，请协调解决：`,
        ...mine.map(line),
        `答复：答复 Q${first} 说明`,
        `难以协调的，签署意见提交周五例会：提交例会 Q${first} 意见`,
      ].join('\n'),
    });
  }
  const open = snapshot.problems.filter((problem) => problem.state !== 'closed');
  const chart = open.length > 0 ? buildProblemChartOption({ week, now: context.now, problems: open, units: snapshot.units }) : null;
  return { digests, problemIds: fresh.map((problem) => problem.id), chart };
}
