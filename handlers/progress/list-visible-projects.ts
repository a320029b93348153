// The open projects a sender may see, one line each with its light, for a bare 进度.
import type { Prisma, Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { hasRole, isEnterpriseOnly } from '../../domain/access/project-access.js';
import type { WorkingCalendar } from '../../domain/calendar/create-working-calendar.js';
import { lightSymbols } from '../../domain/project/traffic-light.js';
import { stageNames } from '../../domain/project/project-stage.js';
import { coordinatorRoles } from '../../domain/roles.js';
import { projectLight } from './project-light.js';

const MAX_LINES = 30;

export async function listVisibleProjects(ctx: RegisteredContext, calendar: WorkingCalendar): Promise<{ only?: Project; text: string }> {
  const { sender } = ctx;
  const enterpriseOnly = isEnterpriseOnly(sender);
  let where: Prisma.ProjectWhereInput;
  if (enterpriseOnly) where = { contactPersonId: sender.id };
  else if (hasRole(sender, ...coordinatorRoles, 'main_leader', 'inspection')) where = { stage: { notIn: ['closed', 'terminated'] } };
  else {
    const mine: Prisma.ProjectWhereInput[] = [{ leaderId: sender.id }, { teamMembers: { some: { personId: sender.id } } }];
    if (sender.unitId !== null) mine.push({ teamUnits: { some: { unitId: sender.unitId } } }, { tasks: { some: { unitId: sender.unitId } } });
    where = { stage: { notIn: ['closed', 'terminated'] }, OR: mine };
  }
  const projects = await ctx.tx.project.findMany({ where, orderBy: { id: 'asc' }, take: MAX_LINES + 1 });
  if (projects.length === 0) return { text: enterpriseOnly ? '你还没有绑定项目。请向专窗索取绑定码后发送「绑定 绑定码」。' : '目前没有与你有关的在办项目。' };
  if (projects.length === 1 && enterpriseOnly) return { only: projects[0]!, text: '' };
  const lines: string[] = [];
  for (const project of projects.slice(0, MAX_LINES)) {
    const light = await projectLight(ctx, project, calendar);
    lines.push(`${lightSymbols[light]} P${project.id} ${project.name} · ${stageNames[project.stage as keyof typeof stageNames] ?? project.stage}`);
  }
  if (projects.length > MAX_LINES) lines.push(`……只列出前 ${MAX_LINES} 个`);
  lines.push('查看详情：进度 P编号');
  return { text: lines.join('\n') };
}
