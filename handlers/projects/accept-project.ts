// 受理: the project is accepted for 帮办代办 (002 五(二)), which starts the clock to form its team
// within 1 working day (002 五(三)); the window is told, since the accepted project is handed
// over to it (002 五(五)).
import type { RegisteredContext } from '../context.js';
import { addWorkingDays } from '../../domain/calendar/add-working-days.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { serviceNames, transitionService } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { notifyWindow } from '../shared/notify.js';

export async function acceptProject(ctx: RegisteredContext): Promise<void> {
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '受理 P12'));
  const { project } = lookup;
  if (!project.eligible) return ctx.reply(`P${project.id} 投资低于帮办代办标准，不能受理。`);
  const change = transitionService(project.service, 'accept');
  if (!change.ok) return ctx.reply(`P${project.id} ${serviceNames[change.service]}，不能再受理。`);

  await ctx.tx.project.update({ where: { id: project.id }, data: { service: change.to, acceptedAt: ctx.now } });
  await ctx.record({ kind: 'project.accepted', projectId: project.id, before: { service: project.service }, after: { service: change.to } });
  const calendar = await loadWorkingCalendar(ctx.tx);
  const teamDue = markProvisional(calendar, addWorkingDays(calendar, shanghaiDate(ctx.now), ctx.policy.teamWorkingDays), shanghaiDate(ctx.now));
  await notifyWindow(ctx, `P${project.id} ${project.name} 已受理帮办代办（${ctx.sender.name}），请在 ${teamDue} 前组建团队。`);
  await ctx.reply(`已受理 P${project.id} ${project.name}。请在 ${teamDue} 前组建团队：组建团队 P${project.id}`);
}
