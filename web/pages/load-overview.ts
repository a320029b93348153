// The figures of 总览, over the projects the viewer may read (use-cases/readable-projects-filter.ts):
// counts by stage and by service, lights (followed projects only, as 进度 lights them), this month's
// signings and starts, investment planned vs reported done (月报), and open problems by age.
import { Prisma, type Project } from '../../generated/prisma/client.js';
import { addCalendarDays, shanghaiDate, shanghaiInstant } from '../../domain/calendar/shanghai-time.js';
import { projectFollowed } from '../../domain/project/project-stage.js';
import type { Light } from '../../domain/project/traffic-light.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { loadProjectLights } from '../../use-cases/load-project-lights.js';
import { readableProjectsFilter } from '../../use-cases/readable-projects-filter.js';
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
  const projects = await db.$queryRaw<Project[]>`SELECT p.* FROM "Project" AS p WHERE ${readable}`;
  const byStage: Record<string, number> = {};
  const byService: Record<string, number> = {};
  for (const project of projects) {
    byStage[project.stage] = (byStage[project.stage] ?? 0) + 1;
    byService[project.service] = (byService[project.service] ?? 0) + 1;
  }
  const followed = projects.filter(projectFollowed);
  const lit = await loadProjectLights(db, followed, { now, policy: ctx.policy, calendar: await loadWorkingCalendar(db) });
  const lights: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
  for (const light of lit.values()) lights[light] += 1;

  const today = shanghaiDate(now);
  const from = `${today.slice(0, 7)}-01`;
  const to = addCalendarDays(`${shanghaiDate(new Date(shanghaiInstant(from).getTime() + 32 * 86_400_000)).slice(0, 7)}-01`, -1);
  const inMonth = (date: Date | null) => date !== null && date.toISOString().slice(0, 10) >= from && date.toISOString().slice(0, 10) <= to;

  const ids = projects.map((project) => project.id);
  const [done] = ids.length
    ? await db.$queryRaw<[{ sum: Prisma.Decimal | null }]>`SELECT sum("investmentWan") AS sum FROM "MonthlyReport" WHERE "projectId" IN (${Prisma.join(ids)})`
    : [{ sum: null }];
  const open = ids.length ? await db.problem.findMany({ where: { projectId: { in: ids }, state: { not: 'closed' } }, select: { createdAt: true } }) : [];
  const ageDays = (at: Date) => (now.getTime() - at.getTime()) / 86_400_000;
  return {
    total: projects.length,
    byStage,
    byService,
    lights,
    month: { from, to, signed: projects.filter((p) => inMonth(p.signedOn)).length, started: projects.filter((p) => inMonth(p.startedOn)).length },
    investment: { plannedWan: followed.reduce((sum, p) => sum + Number(p.investmentWan), 0), doneWan: Number(done?.sum ?? 0) },
    problems: {
      week: open.filter((p) => ageDays(p.createdAt) <= 7).length,
      month: open.filter((p) => ageDays(p.createdAt) > 7 && ageDays(p.createdAt) <= 30).length,
      older: open.filter((p) => ageDays(p.createdAt) > 30).length,
    },
  };
}
