// The 22nd's ranking to 重点项目办, 督查中心 and the main leaders (003 一(三)5(2)), naming a unit
// that is in the bottom three for the second month running (003 二(四)).
import { formatInvestment } from '../../commands/parse-investment.js';
import type { Digest } from '../schedule-snapshot.js';
import { labelOf, peopleWith, titled, unitName, type DigestContext, projectById } from './describe-project.js';
import { previousMonth } from './build-monthly-lists.js';
import { bottomThreeTwice, rankUnits, scoreProjects } from './rank-month.js';

const SHOWN = 5;

export function buildRanking(context: DigestContext, month: string, late: boolean): Digest[] {
  const { snapshot } = context;
  const units = rankUnits(snapshot, month);
  const projects = scoreProjects(snapshot, month);
  const reported = new Set(snapshot.monthlyReports.filter((report) => report.month === month).map((report) => report.projectId));
  const lines = [
    `开工 ${projects.filter((score) => score.started).length} · 投产 ${projects.filter((score) => score.produced).length} · 本月完成投资 ${formatInvestment(projects.reduce((sum, score) => sum + score.investmentWan, 0))} · 月报 ${reported.size}/${projects.length}`,
  ];
  if (units.length === 0) lines.push('本月没有可排名的单位。');
  else
    lines.push(
      '**单位排名**',
      ...units.map(
        (score) =>
          `${score.place}. ${unitName(snapshot, score.unitId)} · 开工 ${score.starts} · 投产 ${score.completions} · 投资完成 ${score.investmentPct}% · 按时办结 ${score.itemsOnTime}/${score.itemsDone}`,
      ),
    );
  const named = bottomThreeTwice(units, rankUnits(snapshot, previousMonth(month)));
  if (named.length > 0) lines.push(`连续两次排名后三名：${named.map((unitId) => unitName(snapshot, unitId)).join('、')}`);
  const label = (projectId: number) => labelOf(projectById(snapshot, projectId)!, context);
  if (projects.length > 0) {
    lines.push('**项目前列**', ...projects.slice(0, SHOWN).map((score) => `- ${label(score.projectId)} · 投资完成 ${score.investmentPct}%`));
    if (projects.length > SHOWN)
      lines.push(
        '**项目后列**',
        ...projects
          .slice(-Math.min(SHOWN, projects.length - SHOWN))
          .map((score) => `- ${label(score.projectId)} · 投资完成 ${score.investmentPct}%${reported.has(score.projectId) ? '' : ' · 未报月报'}`),
      );
  }
  const readers = [...peopleWith(snapshot, 'project_office'), ...peopleWith(snapshot, 'inspection'), ...peopleWith(snapshot, 'main_leader')];
  return readers.map((person) => ({ personId: person.id, title: titled(`${month} 重点项目排名`, late), markdown: lines.join('\n') }));
}
