// The week's problem chain (003 一(三)5(1)) for the projects a person may read (readable-projects-filter.ts):
// Tuesday's ask and who answered it (WeeklyAnswer), every problem open during the week or closed in it,
// when a Wednesday digest carried it to the leaders (digestedAt, cron/schedules/mark-problems-digested.ts)
// and when its leader sent it to Friday's 周例会 (escalatedAt, with his opinion).
import type { Viewer } from '../domain/access/project-access.js';
import { servedByTeam } from '../domain/schedule/digests/describe-project.js';
import type { Tx } from '../prisma/open-database.js';
import { readableProjectsFilter } from './readable-projects-filter.js';

export interface WeekProject {
  id: number;
  name: string;
  /** Tuesday's answer: problems reported, 无问题, or none yet. */
  answer: 'problems' | 'none' | null;
}

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

export async function loadProblemWeek(tx: Tx, viewer: Viewer, week: string, from: Date, to: Date): Promise<{ asked: WeekProject[]; problems: WeekProblem[] }> {
  const readable = readableProjectsFilter(viewer);
  const projects = await tx.$queryRaw<{ id: number; name: string; stage: string; service: string; none: boolean | null }[]>`
    SELECT p.id, p.name, p.stage, p.service, w."none"
    FROM "Project" AS p LEFT JOIN "WeeklyAnswer" AS w ON w."projectId" = p.id AND w.week = ${week}
    WHERE p."leadUnitId" IS NOT NULL AND ${readable} ORDER BY p.id`;
  const problems = await tx.$queryRaw<WeekProblem[]>`
    SELECT q.id, q."projectId", p.name AS "projectName", q.category, q.description, q.suggestion, q.state, l.name AS leader, q."leaderOpinion",
      q."createdAt", q."digestedAt", q."escalatedAt", q."closedAt",
      (SELECT count(*)::int FROM "ProblemAnswer" AS a WHERE a."problemId" = q.id) AS answers
    FROM "Problem" AS q JOIN "Project" AS p ON p.id = q."projectId" LEFT JOIN "Person" AS l ON l.id = q."leaderId"
    WHERE q."createdAt" < ${to} AND (q."closedAt" IS NULL OR q."closedAt" >= ${from}) AND ${readable}
    ORDER BY q.id`;
  return {
    // Asked on Tuesday as build-problem-ask.ts asks: the lead unit of each project a team still pushes.
    asked: projects
      .filter(servedByTeam)
      .map((project) => ({ id: project.id, name: project.name, answer: project.none === null ? null : project.none ? 'none' : 'problems' })),
    problems: problems.map((problem) => ({ ...problem, createdAt: new Date(problem.createdAt), answers: Number(problem.answers) })),
  };
}
