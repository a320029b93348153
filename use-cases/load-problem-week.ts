// The week's problem chain (003 一(三)5(1)) for the projects a person may read (readable-projects-filter.ts):
// Tuesday's ask and who answered it (WeeklyAnswer), every problem open during the week or closed in it,
// when a Wednesday digest carried it to the leaders (digestedAt, prisma/mark-problems-digested.ts)
// and when its leader sent it to Friday's 周例会 (escalatedAt, with his opinion).
// A county has 10,000 projects and 20,000 problems (issue 19 "Speed"): the chain is counted by the
// database, and only one page of problems and the first projects still silent are read.
import { Prisma } from '../generated/prisma/client.js';
import type { Viewer } from '../domain/access/project-access.js';
import { servedByTeam } from '../domain/schedule/digests/describe-project.js';
import type { Tx } from '../prisma/open-database.js';
import { readableProjectsFilter } from './readable-projects-filter.js';

export const PROBLEM_PAGE_SIZE = 50;
export const SILENT_LISTED = 50;

export interface WeekProblem {
  id: number;
  projectId: number;
  projectName: string;
  category: string;
  description: string;
  suggestion: string;
  state: string;
  leader: string | null;
  leaderOpinion: string | null;
  createdAt: Date;
  digestedAt: Date | null;
  escalatedAt: Date | null;
  closedAt: Date | null;
  answers: number;
}

export interface ProblemWeek {
  /** Tuesday's ask: projects asked, and how many answered with problems, with 无问题, or not yet. */
  asked: { total: number; problems: number; none: number; silent: number };
  /** The first SILENT_LISTED projects that have not answered, in id order. */
  silent: { id: number; name: string }[];
  /** Problems of the week: all of them, by state, carried on Wednesday, sent to Friday, closed in the week. */
  counts: { total: number; byState: Record<string, number>; carried: number; escalated: number; closed: number };
  /** One page of them, in id order. */
  problems: WeekProblem[];
}

export async function loadProblemWeek(tx: Tx, viewer: Viewer, week: { key: string; from: Date; to: Date; page: number }): Promise<ProblemWeek> {
  const readable = readableProjectsFilter(viewer);
  const { key, from, to } = week;
  // Asked on Tuesday as build-problem-ask.ts asks: the lead unit of each project a team still pushes
  // (servedByTeam, the one rule, applied to the few stage and service pairs the database counts).
  const groups = await tx.$queryRaw<{ stage: string; service: string; answered: boolean | null; count: number }[]>`
    SELECT p.stage, p.service, NOT w."none" AS answered, count(*)::int AS count
    FROM "Project" AS p LEFT JOIN "WeeklyAnswer" AS w ON w."projectId" = p.id AND w.week = ${key}
    WHERE p."leadUnitId" IS NOT NULL AND ${readable} GROUP BY 1, 2, 3`;
  const served = groups.filter(servedByTeam);
  const count = (answered: boolean | null) => served.filter((group) => group.answered === answered).reduce((sum, group) => sum + group.count, 0);
  const asked = { total: count(true) + count(false) + count(null), problems: count(true), none: count(false), silent: count(null) };
  const pairs = [...new Set(served.map((group) => `${group.stage}/${group.service}`))];
  const silent =
    asked.silent === 0
      ? []
      : await tx.$queryRaw<{ id: number; name: string }[]>`
        SELECT p.id, p.name FROM "Project" AS p
        WHERE p."leadUnitId" IS NOT NULL AND ${readable} AND p.stage || '/' || p.service = ANY(${pairs}::text[])
          AND NOT EXISTS (SELECT 1 FROM "WeeklyAnswer" AS w WHERE w."projectId" = p.id AND w.week = ${key})
        ORDER BY p.id LIMIT ${SILENT_LISTED}`;
  const inWeek = Prisma.sql`q."createdAt" < ${to} AND (q."closedAt" IS NULL OR q."closedAt" >= ${from}) AND ${readable}`;
  const states = await tx.$queryRaw<{ state: string; count: number; carried: number; escalated: number; closed: number }[]>`
    SELECT q.state, count(*)::int AS count,
      (count(*) FILTER (WHERE q."digestedAt" >= ${from} AND q."digestedAt" < ${to}))::int AS carried,
      (count(*) FILTER (WHERE q."escalatedAt" >= ${from} AND q."escalatedAt" < ${to}))::int AS escalated,
      (count(*) FILTER (WHERE q."closedAt" >= ${from} AND q."closedAt" < ${to}))::int AS closed
    FROM "Problem" AS q JOIN "Project" AS p ON p.id = q."projectId" WHERE ${inWeek} GROUP BY q.state`;
  const sum = (pick: (row: (typeof states)[number]) => number) => states.reduce((total, row) => total + pick(row), 0);
  const counts = {
    total: sum((row) => row.count),
    byState: Object.fromEntries(states.map((row) => [row.state, row.count])),
    carried: sum((row) => row.carried),
    escalated: sum((row) => row.escalated),
    closed: sum((row) => row.closed),
  };
  const problems =
    counts.total === 0
      ? []
      : await tx.$queryRaw<WeekProblem[]>`
        SELECT q.id, q."projectId", p.name AS "projectName", q.category, q.description, q.suggestion, q.state, l.name AS leader, q."leaderOpinion",
          q."createdAt", q."digestedAt", q."escalatedAt", q."closedAt",
          (SELECT count(*)::int FROM "ProblemAnswer" AS a WHERE a."problemId" = q.id) AS answers
        FROM "Problem" AS q JOIN "Project" AS p ON p.id = q."projectId" LEFT JOIN "Person" AS l ON l.id = q."leaderId"
        WHERE ${inWeek} ORDER BY q.id LIMIT ${PROBLEM_PAGE_SIZE} OFFSET ${(week.page - 1) * PROBLEM_PAGE_SIZE}`;
  return {
    asked,
    silent,
    counts,
    problems: problems.map((problem) => ({ ...problem, createdAt: new Date(problem.createdAt), answers: Number(problem.answers) })),
  };
}
