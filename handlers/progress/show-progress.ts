// 进度: a status card for one project, or a one-line light for each project the sender may see
// (an enterprise contact: only their own). Issue 4 进度; lights per policy.warnBeforeWorkingDays.
import type { RegisteredContext } from '../context.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { formatProjectStatus } from './format-project-status.js';
import { listVisibleProjects } from './list-visible-projects.js';

export async function showProgress(ctx: RegisteredContext): Promise<void> {
  const ref = commandLine(ctx).args[0];
  // The calendar is read only when there is a project to light: most refusals and empty lists need none.
  if (!ref) {
    const listed = await listVisibleProjects(ctx);
    if (listed.only) return ctx.reply(await formatProjectStatus(ctx, listed.only, await loadWorkingCalendar(ctx.tx)));
    return ctx.reply(listed.text);
  }
  const lookup = await loadProject(ctx, ref);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '进度 P12'));
  await ctx.reply(await formatProjectStatus(ctx, lookup.project, await loadWorkingCalendar(ctx.tx), lookup.audience));
}
