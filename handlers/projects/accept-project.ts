// 受理 (use-cases/accept-project.ts): the window is told, since the accepted project is handed over to it
// (002 五(五)), and the reply says when the team is due (002 五(三)).
import type { RegisteredContext } from '../context.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { serviceNames } from '../../domain/project/service-state.js';
import { acceptProject as accept } from '../../use-cases/accept-project.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyWindow } from '../shared/notify.js';

export async function acceptProject(ctx: RegisteredContext): Promise<void> {
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '受理 P12'));
  const { project } = lookup;
  const accepted = await accept(ctx, project);
  if (accepted.kind === 'not-eligible') return ctx.reply(`P${project.id} 投资低于帮办代办标准，不能受理。`);
  if (accepted.kind === 'not-acceptable') return ctx.reply(`P${project.id} ${serviceNames[accepted.service]}，不能再受理。`);
  const teamDue = markProvisional(accepted.calendar, accepted.teamDueOn, shanghaiDate(ctx.now));
  await notifyWindow(ctx, `P${project.id} ${project.name} 已受理帮办代办（${ctx.sender.name}），请在 ${teamDue} 前组建团队。`);
  await ctx.reply(`已受理 P${project.id} ${project.name}。请在 ${teamDue} 前组建团队：组建团队 P${project.id}`);
}
