// The monthly ranking (003 一(三)5(2): 每月实地对重点项目开竣工、投资完成等情况进行考核排名) on the seed's
// measures — starts, completions (投产), investment completed against the project's total — and the
// bot's own fourth, 办事: what a unit owes counts as well as what it finished, so silence never ranks
// well (docs/domain.md "Weekly and monthly rhythm"). Units are ranked by the sum of their places on the
// four measures; ties share a place, and the bottom three (003 二(四)) are read from places, ties included.
import { countWorkingDays } from '../../calendar/add-working-days.js';
import type { WorkingCalendar } from '../../calendar/create-working-calendar.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { SnapshotPerson, SnapshotProject, SnapshotTask } from '../schedule-snapshot.js';

export interface UnitScore {
  unitId: number;
  starts: number;
  completions: number;
  /** Investment reported this month (万元) and completed so far against the plan, in %. */
  investmentWan: number;
  investmentPct: number;
  /** Items finished since the last ranking, and how many of them on time. */
  itemsDone: number;
  itemsOnTime: number;
  /** Items taken and past their due date at the ranking, and their working days overdue summed. */
  overdueOpen: number;
  overdueDays: number;
  /** Cards (calls) past their 报到 deadline and still not taken at the ranking. */
  untaken: number;
  /** Cards taken since the last ranking a working day or more after their 报到 deadline. */
  takenLate: number;
  /** Projects the unit leads with no 月报 for the month by the ranking (asked on the 20th). */
  missedReports: number;
  /** 办事 = on time − late − each overdue item, untaken card and card taken late, one per 5 working days over (at least 1), − each missed 月报. */
  service: number;
  place: number;
}

export interface MonthRanking {
  ranked: UnitScore[];
  /** Units with an agent and nothing to rank on (no project led, no item): listed apart, not scored as perfect. */
  idle: number[];
}

/** What the ranking reads: the digests' snapshot, or the 台账's data (domain/ledger/build-ledger.ts). */
export interface RankingData {
  projects: readonly Pick<
    SnapshotProject,
    'id' | 'leadUnitId' | 'investmentWan' | 'service' | 'stage' | 'signedOn' | 'startedOn' | 'producedOn' | 'enrolledOn'
  >[];
  tasks: readonly RankedTask[];
  monthlyReports: readonly { projectId: number; month: string; investmentWan: number }[];
  units: readonly { id: number }[];
  people: readonly Pick<SnapshotPerson, 'unitId' | 'roles'>[];
}

type RankedTask = Pick<SnapshotTask, 'unitId' | 'callId' | 'state' | 'postedAt' | 'takenAt' | 'ackDueAt' | 'dueOn' | 'doneAt'>;

export interface ProjectScore {
  projectId: number;
  started: boolean;
  produced: boolean;
  investmentWan: number;
  investmentPct: number;
}

/** An obligation over its deadline weighs one per started 5 working days over: a week late is one late item. */
const WORKING_DAYS_PER_POINT = 5;

export function scoreProjects(snapshot: RankingData, month: string): ProjectScore[] {
  const reportsOf = new Map<number, RankingData['monthlyReports'][number][]>();
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

/**
 * The ranking of `month` as it stood at `asOf` (the run of the 22nd; for the month before, the same day and
 * time a month earlier). Items count by what they were at `asOf`: finished within the month before it, taken
 * and overdue, or a card past its 报到 deadline and not yet taken.
 */
export function rankUnits(snapshot: RankingData, month: string, asOf: Date, calendar: WorkingCalendar): MonthRanking {
  const projects = scoreProjects(snapshot, month);
  const reported = new Set(snapshot.monthlyReports.filter((report) => report.month === month).map((report) => report.projectId));
  // Asked on the 20th as build-monthly-lists.ts asks: served, or built and producing.
  const asked = new Set(
    snapshot.projects
      .filter((project) => project.service !== 'terminated' && ['signed', 'started', 'producing'].includes(project.stage))
      .map((project) => project.id),
  );
  const unitOf = new Map(snapshot.projects.map((project) => [project.id, project.leadUnitId]));
  const planOf = new Map(snapshot.projects.map((project) => [project.id, project.investmentWan]));
  const today = shanghaiDate(asOf);
  const since = monthBefore(asOf);
  // Working days between two dates, counted once per pair: many items share a due date or a deadline day.
  const counted = new Map<string, number>();
  const workingDays = (from: string, to: string) => {
    const key = `${from}/${to}`;
    let days = counted.get(key);
    if (days === undefined) counted.set(key, (days = countWorkingDays(calendar, from, to)));
    return days;
  };
  const over = (from: string) => Math.max(1, Math.ceil(workingDays(from, today) / WORKING_DAYS_PER_POINT));
  // Instants compared as numbers (getTime): a Date compared with <= converts through Symbol.toPrimitive on
  // every comparison, and the ranking compares each item several times (issue 19 "Speed").
  const asOfMs = asOf.getTime();
  const sinceMs = since.getTime();
  const assigned = snapshot.tasks.filter((task) => task.postedAt.getTime() <= asOfMs && !(task.doneAt && task.doneAt.getTime() <= sinceMs));
  const open = (task: RankedTask) => !task.doneAt || task.doneAt.getTime() > asOfMs;
  const unitIds = new Set<number>([
    ...projects.map((score) => unitOf.get(score.projectId)).filter((id): id is number => id != null),
    ...assigned.map((task) => task.unitId),
  ]);
  // Projects and items grouped by unit once, in their order: linear in the rows, not units × rows (issue 19 "Speed").
  const projectsOf = groupBy(projects, (score) => unitOf.get(score.projectId));
  const itemsOf = groupBy(assigned, (task) => task.unitId);
  const scores = [...unitIds].map((unitId): UnitScore => {
    const mine = projectsOf.get(unitId) ?? [];
    const plan = mine.reduce((sum, score) => sum + (planOf.get(score.projectId) ?? 0), 0);
    const completed = mine.reduce((sum, score) => sum + ((planOf.get(score.projectId) ?? 0) * score.investmentPct) / 100, 0);
    const items = itemsOf.get(unitId) ?? [];
    const done = items.filter((task) => !open(task));
    const onTime = done.filter((task) => !task.dueOn || shanghaiDate(task.doneAt!) <= task.dueOn).length;
    // A paused item waits for the enterprise (中止), so it is not the unit's delay.
    const overdue = items.filter(
      (task) => open(task) && task.takenAt && task.takenAt.getTime() <= asOfMs && task.state !== 'suspended' && task.dueOn && task.dueOn < today,
    );
    const untakenCalls = new Map<number, string>();
    for (const task of items)
      if (open(task) && (!task.takenAt || task.takenAt.getTime() > asOfMs) && task.ackDueAt.getTime() < asOfMs)
        untakenCalls.set(task.callId, shanghaiDate(task.ackDueAt));
    // A card taken days late was silence all the same (seed 002 五(六) 报到); it counts like one still untaken then.
    const lateCalls = new Map<number, number>();
    for (const task of items) {
      const days =
        task.takenAt && task.takenAt.getTime() > sinceMs && task.takenAt.getTime() <= asOfMs
          ? workingDays(shanghaiDate(task.ackDueAt), shanghaiDate(task.takenAt))
          : 0;
      if (days > 0) lateCalls.set(task.callId, Math.max(1, Math.ceil(days / WORKING_DAYS_PER_POINT)));
    }
    const owed = [...overdue.map((task) => over(task.dueOn!)), ...[...untakenCalls.values()].map(over), ...lateCalls.values()].reduce(
      (sum, points) => sum + points,
      0,
    );
    // The 月报 the unit owes for the projects it leads (003 一(三)5(2)): silence there is owed too.
    const missedReports = mine.filter((score) => asked.has(score.projectId) && !reported.has(score.projectId)).length;
    return {
      unitId,
      starts: mine.filter((score) => score.started).length,
      completions: mine.filter((score) => score.produced).length,
      investmentWan: mine.reduce((sum, score) => sum + score.investmentWan, 0),
      investmentPct: plan > 0 ? Math.round((completed / plan) * 1000) / 10 : 0,
      itemsDone: done.length,
      itemsOnTime: onTime,
      overdueOpen: overdue.length,
      overdueDays: overdue.reduce((sum, task) => sum + workingDays(task.dueOn!, today), 0),
      untaken: untakenCalls.size,
      takenLate: lateCalls.size,
      missedReports,
      service: onTime - (done.length - onTime) - owed - missedReports,
      place: 0,
    };
  });
  const measures: ((score: UnitScore) => number)[] = [
    (score) => score.starts,
    (score) => score.completions,
    (score) => score.investmentPct,
    (score) => score.service,
  ];
  const points = new Map(scores.map((score) => [score.unitId, measures.reduce((sum, measure) => sum + placeOf(scores, score, measure), 0)]));
  scores.sort((a, b) => points.get(a.unitId)! - points.get(b.unitId)! || a.unitId - b.unitId);
  scores.forEach((score, index) => {
    const previous = scores[index - 1];
    score.place = previous && points.get(previous.unitId) === points.get(score.unitId) ? previous.place : index + 1;
  });
  const withAgents = new Set(snapshot.people.filter((person) => person.roles.includes('agent')).map((person) => person.unitId));
  return { ranked: scores, idle: snapshot.units.map((unit) => unit.id).filter((id) => withAgents.has(id) && !unitIds.has(id)) };
}

/**
 * The units in the bottom three of both rankings (003 二(四): 连续两次排名后三名), by place: a unit is in the
 * bottom three when fewer than three units rank below it and some unit ranks above it, so a tie at the
 * bottom names every unit in it. None when three or fewer are ranked.
 */
export function bottomThreeTwice(current: readonly UnitScore[], previous: readonly UnitScore[]): number[] {
  const before = new Set(bottomThree(previous));
  return bottomThree(current).filter((unitId) => before.has(unitId));
}

export function bottomThree(scores: readonly UnitScore[]): number[] {
  if (scores.length <= 3) return [];
  return scores.filter((score) => score.place > 1 && scores.filter((other) => other.place > score.place).length < 3).map((score) => score.unitId);
}

/** The same Shanghai day and time one month earlier (the 22nd → the 22nd), at most the 28th. */
export function monthBefore(instant: Date): Date {
  const shifted = new Date(instant);
  const day = Math.min(shifted.getUTCDate(), 28);
  shifted.setUTCDate(day);
  shifted.setUTCMonth(shifted.getUTCMonth() - 1);
  return shifted;
}

/** The rows by key, each group in the rows' order. */
function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** 1 + the number of units strictly better on this measure. */
function placeOf(scores: readonly UnitScore[], score: UnitScore, measure: (score: UnitScore) => number): number {
  return 1 + scores.filter((other) => measure(other) > measure(score)).length;
}
