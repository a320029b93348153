// The figures of 总览, over the projects the viewer may read (use-cases/readable-projects-filter.ts):
// counts by stage and by service, lights (followed projects only, as 进度 lights them), this month's
// signings and starts, investment planned vs reported done (月报), and open problems by age — counted by
// the database, the lights from only the columns the light rule reads (use-cases/count-project-lights.ts).
import { addCalendarDays, shanghaiDate, shanghaiInstant } from '../../domain/calendar/shanghai-time.js';
import type { Light } from '../../domain/project/traffic-light.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { countProjectLights } from '../../use-cases/count-project-lights.js';
import { followedProjectsSql, readableProjectsFilter } from '../../use-cases/readable-projects-filter.js';
import type { PageContext } from '../page.js';

export interface Overview {
  total: number;
  byStage: Record<string, number>;
  byService: Record<string, number>;
  lights: Record<Light, number>;
  month: { from: string; to: string; signed: number; started: number };
  investment: { plannedWan: number; doneWan: number };
  problems: { week: number; month: number; older: number };
}

export async function loadOverview(ctx: Pick<PageContext, 'db' | 'viewer' | 'now' | 'policy'>): Promise<Overview> {
  const { db, now } = ctx;
  const readable = readableProjectsFilter(ctx.viewer);
  const today = shanghaiDate(now);
  const from = `${today.slice(0, 7)}-01`;
  const to = addCalendarDays(`${shanghaiDate(new Date(shanghaiInstant(from).getTime() + 32 * 86_400_000)).slice(0, 7)}-01`, -1);
  // Counts in the database (issue 19 "Speed"): one row per stage and service, with the month's signings and starts.
  const groups = await db.$queryRaw<{ stage: string; service: string; count: number; signed: number; started: number; planned: number }[]>`
    SELECT p.stage, p.service, count(*)::int AS count,
      (count(*) FILTER (WHERE p."signedOn" BETWEEN ${from}::date AND ${to}::date))::int AS signed,
      (count(*) FILTER (WHERE p."startedOn" BETWEEN ${from}::date AND ${to}::date))::int AS started,
      coalesce(sum(p."investmentWan") FILTER (WHERE ${followedProjectsSql}), 0)::float8 AS planned
    FROM "Project" AS p WHERE ${readable} GROUP BY p.stage, p.service`;
  const byStage: Record<string, number> = {};
  const byService: Record<string, number> = {};
  for (const group of groups) {
    byStage[group.stage] = (byStage[group.stage] ?? 0) + group.count;
    byService[group.service] = (byService[group.service] ?? 0) + group.count;
  }
  const sum = (pick: (group: (typeof groups)[number]) => number) => groups.reduce((total, group) => total + pick(group), 0);
  const lights = await countProjectLights(db, ctx.viewer, { now, policy: ctx.policy, calendar: await loadWorkingCalendar(db) });
  const [done] = await db.$queryRaw<[{ sum: number | null }]>`
    SELECT sum(r."investmentWan")::float8 AS sum FROM "MonthlyReport" AS r JOIN "Project" AS p ON p.id = r."projectId" WHERE ${readable}`;
  const day = 86_400_000;
  const [problems] = await db.$queryRaw<[{ week: number; month: number; older: number }]>`
    SELECT (count(*) FILTER (WHERE q."createdAt" >= ${new Date(now.getTime() - 7 * day)}))::int AS week,
      (count(*) FILTER (WHERE q."createdAt" < ${new Date(now.getTime() - 7 * day)}
        AND q."createdAt" >= ${new Date(now.getTime() - 30 * day)}))::int AS month,
      (count(*) FILTER (WHERE q."createdAt" < ${new Date(now.getTime() - 30 * day)}))::int AS older
    FROM "Problem" AS q JOIN "Project" AS p ON p.id = q."projectId" WHERE q.state <> 'closed' AND ${readable}`;
  return {
    total: sum((group) => group.count),
    byStage,
    byService,
    lights,
    month: { from, to, signed: sum((group) => group.signed), started: sum((group) => group.started) },
    investment: { plannedWan: sum((group) => group.planned), doneWan: Number(done?.sum ?? 0) },
    problems: problems ?? { week: 0, month: 0, older: 0 },
  };
}
