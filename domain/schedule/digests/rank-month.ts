// The monthly ranking (003 一(三)5(2): 每月实地对重点项目开竣工、投资完成等情况进行考核排名), on outcomes
// only: starts, completions (投产), investment completed against the project's total, and
// approval items finished on time. Units are ranked by the sum of their places on the four
// measures (ties share a place); a unit with no finished item is not penalised for it.
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { ScheduleSnapshot } from '../schedule-snapshot.js';

export interface UnitScore {
  unitId: number;
  starts: number;
  completions: number;
  /** Investment reported this month (万元) and completed so far against the plan, in %. */
  investmentWan: number;
  investmentPct: number;
  /** Items finished this month, and how many of them on time. */
  itemsDone: number;
  itemsOnTime: number;
  place: number;
}

export interface ProjectScore {
  projectId: number;
  started: boolean;
  produced: boolean;
  investmentWan: number;
  investmentPct: number;
}

export function scoreProjects(snapshot: ScheduleSnapshot, month: string): ProjectScore[] {
  const reportsOf = new Map<number, ScheduleSnapshot['monthlyReports'][number][]>();
  for (const report of snapshot.monthlyReports) reportsOf.set(report.projectId, [...(reportsOf.get(report.projectId) ?? []), report]);
  return snapshot.projects
    .filter(
      (project) =>
        project.service !== 'terminated' && !(project.enrolledOn && project.enrolledOn < `${month}-01`) && (project.signedOn ?? '0000') <= `${month}-31`,
    )
    .map((project) => {
      const reports = (reportsOf.get(project.id) ?? []).filter((report) => report.month <= month);
      const total = reports.reduce((sum, report) => sum + report.investmentWan, 0);
      return {
        projectId: project.id,
        started: Boolean(project.startedOn?.startsWith(month)),
        produced: Boolean(project.producedOn?.startsWith(month)),
        investmentWan: reports.find((report) => report.month === month)?.investmentWan ?? 0,
        investmentPct: project.investmentWan > 0 ? Math.min(100, Math.round((total / project.investmentWan) * 1000) / 10) : 0,
      };
    })
    .sort(
      (a, b) =>
        Number(b.started) + Number(b.produced) - (Number(a.started) + Number(a.produced)) || b.investmentPct - a.investmentPct || a.projectId - b.projectId,
    );
}

export function rankUnits(snapshot: ScheduleSnapshot, month: string): UnitScore[] {
  const projects = scoreProjects(snapshot, month);
  const unitOf = new Map(snapshot.projects.map((project) => [project.id, project.leadUnitId]));
  const planOf = new Map(snapshot.projects.map((project) => [project.id, project.investmentWan]));
  const done = snapshot.tasks.filter((task) => task.doneAt && isoMonth(task.doneAt) === month);
  const unitIds = new Set<number>([
    ...projects.map((score) => unitOf.get(score.projectId)).filter((id): id is number => id != null),
    ...done.map((task) => task.unitId),
  ]);
  const scores = [...unitIds].map((unitId) => {
    const mine = projects.filter((score) => unitOf.get(score.projectId) === unitId);
    const plan = mine.reduce((sum, score) => sum + (planOf.get(score.projectId) ?? 0), 0);
    const completed = mine.reduce((sum, score) => sum + ((planOf.get(score.projectId) ?? 0) * score.investmentPct) / 100, 0);
    const items = done.filter((task) => task.unitId === unitId);
    return {
      unitId,
      starts: mine.filter((score) => score.started).length,
      completions: mine.filter((score) => score.produced).length,
      investmentWan: mine.reduce((sum, score) => sum + score.investmentWan, 0),
      investmentPct: plan > 0 ? Math.round((completed / plan) * 1000) / 10 : 0,
      itemsDone: items.length,
      itemsOnTime: items.filter((task) => !task.dueOn || shanghaiDate(task.doneAt!) <= task.dueOn).length,
      place: 0,
    };
  });
  const measures: ((score: UnitScore) => number)[] = [
    (score) => score.starts,
    (score) => score.completions,
    (score) => score.investmentPct,
    (score) => (score.itemsDone === 0 ? 1 : score.itemsOnTime / score.itemsDone),
  ];
  const points = new Map(scores.map((score) => [score.unitId, measures.reduce((sum, measure) => sum + placeOf(scores, score, measure), 0)]));
  scores.sort((a, b) => points.get(a.unitId)! - points.get(b.unitId)! || a.unitId - b.unitId);
  scores.forEach((score, index) => {
    const previous = scores[index - 1];
    score.place = previous && points.get(previous.unitId) === points.get(score.unitId) ? previous.place : index + 1;
  });
  return scores;
}

/** The units in the bottom three of both months (003 二(四): 连续两次排名后三名); none when three or fewer are ranked. */
export function bottomThreeTwice(current: readonly UnitScore[], previous: readonly UnitScore[]): number[] {
  const bottom = (scores: readonly UnitScore[]) => (scores.length > 3 ? scores.slice(-3).map((score) => score.unitId) : []);
  const before = new Set(bottom(previous));
  return bottom(current).filter((unitId) => before.has(unitId));
}

/** 1 + the number of units strictly better on this measure. */
function placeOf(scores: readonly UnitScore[], score: UnitScore, measure: (score: UnitScore) => number): number {
  return 1 + scores.filter((other) => measure(other) > measure(score)).length;
}

function isoMonth(instant: Date): string {
  return shanghaiDate(instant).slice(0, 7);
}
