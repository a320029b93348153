// The 22nd's ranking to 重点项目办, 督查中心 and the main leaders (003 一(三)5(2)), naming the units
// in the bottom three for the second month running (003 二(四)). Each line shows what its place was made
// of, so a unit can check it; units with nothing to rank are listed apart (docs/domain.md "Weekly and
// monthly rhythm"). One chart goes with it to every reader: each ranked unit's 办事 score in place order
// (domain/charts/build-ranking-chart-option.ts).
import { formatInvestment } from '../../commands/parse-investment.js';
import type { Digest } from '../schedule-snapshot.js';
import { labelOf, peopleWith, titled, unitName, type DigestContext, projectById } from './describe-project.js';
import { previousMonth } from './build-monthly-lists.js';
import { bottomThreeTwice, monthBefore, rankUnits, scoreProjects, type UnitScore } from './rank-month.js';
import { buildRankingChartOption } from '../../charts/build-ranking-chart-option.js';
import type { ChartSpec } from '../../charts/chart-spec.js';

const SHOWN = 5;

export interface RankingDigests {
  digests: Digest[];
  /** Sent after the text to each reader; null when no unit is ranked. */
  chart: ChartSpec | null;
}

export function buildRanking(context: DigestContext, month: string, late: boolean): RankingDigests {
  const { snapshot, now, calendar } = context;
  const { ranked: units, idle } = rankUnits(snapshot, month, now, calendar);
  const projects = scoreProjects(snapshot, month);
  const reported = new Set(snapshot.monthlyReports.filter((report) => report.month === month).map((report) => report.projectId));
  const lines = [
    `开工 ${projects.filter((score) => score.started).length} · 投产 ${projects.filter((score) => score.produced).length} · 本月完成投资 ${formatInvestment(projects.reduce((sum, score) => sum + score.investmentWan, 0))} · 月报 ${reported.size}/${projects.length}`,
  ];
  if (units.length === 0) lines.push('本月没有可排名的单位。');
  else lines.push('**单位排名**', RULE, ...units.map((score) => `${score.place}. ${unitName(snapshot, score.unitId)} · ${describeScore(score)}`));
  if (idle.length > 0) lines.push(`本月无考核内容（未排名）：${idle.map((unitId) => unitName(snapshot, unitId)).join('、')}`);
  const named = bottomThreeTwice(units, rankUnits(snapshot, previousMonth(month), monthBefore(now), calendar).ranked);
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
  const chart =
    units.length > 0
      ? buildRankingChartOption({
          month,
          units: units.map((score) => ({
            name: unitName(snapshot, score.unitId),
            place: score.place,
            service: score.service,
            namedTwice: named.includes(score.unitId),
          })),
        })
      : null;
  return { digests: readers.map((person) => ({ personId: person.id, title: titled(`${month} 重点项目排名`, late), markdown: lines.join('\n') })), chart };
}

export const RULE =
  '（按开工、投产、投资完成、办事四项名次之和排名，并列同名次；办事 = 按时办结 − 逾期办结 − 逾期在办、未报到和迟报到，每超 5 个工作日计 1 − 未报月报）';

/** `开工 0 · 投产 0 · 投资完成 20% · 按时办结 3/4 · 逾期在办 1 项（超 6 个工作日） · 未报到 2 张 · 迟报到 1 张 · 办事 -4` (迟报到 only when some) */
export function describeScore(score: UnitScore): string {
  return [
    `开工 ${score.starts}`,
    `投产 ${score.completions}`,
    `投资完成 ${score.investmentPct}%`,
    `按时办结 ${score.itemsOnTime}/${score.itemsDone}`,
    `逾期在办 ${score.overdueOpen} 项${score.overdueOpen > 0 ? `（超 ${score.overdueDays} 个工作日）` : ''}`,
    `未报到 ${score.untaken} 张`,
    ...(score.takenLate > 0 ? [`迟报到 ${score.takenLate} 张`] : []),
    ...(score.missedReports > 0 ? [`未报月报 ${score.missedReports} 个`] : []),
    `办事 ${score.service}`,
  ].join(' · ');
}
