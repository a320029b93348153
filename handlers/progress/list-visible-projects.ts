// The open projects a sender may see, one line each with its light, for a bare 进度.
import { Prisma, type Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { isEnterpriseOnly } from '../../domain/access/project-access.js';
import { followedProjectsSql, readableProjectsFilter } from '../../use-cases/readable-projects-filter.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { lightSymbols } from '../../domain/project/traffic-light.js';
import { describeLifeCycle } from '../../domain/project/describe-life-cycle.js';
import { loadProjectLights } from '../../use-cases/load-project-lights.js';

const MAX_LINES = 30;

export async function listVisibleProjects(ctx: RegisteredContext): Promise<{ only?: Project; text: string }> {
  const { sender } = ctx;
  const enterpriseOnly = isEnterpriseOnly(sender);
  // Who may see what is the one rule of use-cases/readable-projects-filter.ts; the bare list shows
  // only projects still followed, except to an enterprise contact, who sees its own whatever their state.
  const readable = readableProjectsFilter(sender);
  const where = enterpriseOnly ? readable : Prisma.sql`${followedProjectsSql} AND ${readable}`;
  // Plain SQL: every bare 进度 runs this, and the relation filters cost Prisma's query compiler more than the query (docs/architecture.md "Record once").
  const projects = await ctx.tx.$queryRaw<Project[]>`SELECT p.* FROM "Project" AS p WHERE ${where} ORDER BY p.id LIMIT ${MAX_LINES + 1}`;
  if (projects.length === 0) return { text: enterpriseOnly ? '你还没有绑定项目。请向专窗索取绑定码后发送「绑定 绑定码」。' : '目前没有与你有关的在办项目。' };
  if (projects.length === 1 && enterpriseOnly) return { only: projects[0]!, text: '' };
  const lines: string[] = [];
  const listed = projects.slice(0, MAX_LINES);
  const lights = await loadProjectLights(ctx.tx, listed, { now: ctx.now, policy: ctx.policy, calendar: await loadWorkingCalendar(ctx.tx) });
  for (const project of listed) {
    const light = lights.get(project.id)!;
    lines.push(`${lightSymbols[light]} P${project.id} ${project.name} · ${describeLifeCycle(project)}`);
  }
  if (projects.length > MAX_LINES) lines.push(`……只列出前 ${MAX_LINES} 个`);
  lines.push('查看详情：进度 P编号');
  return { text: lines.join('\n') };
}
