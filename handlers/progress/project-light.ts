// The one light of each project in a list: its worst task or deadline light. All the projects'
// tasks come in one query, so a list of 30 costs one round trip, not 30.
import type { Project } from '../../generated/prisma/client.js';
import type { HandlerContext } from '../context.js';
import type { WorkingCalendar } from '../../domain/calendar/create-working-calendar.js';
import type { Light } from '../../domain/project/traffic-light.js';
import { projectFollowed } from '../../domain/project/project-stage.js';
import { projectStatus } from './load-project-status.js';

/** `ctx`: only the transaction, the clock and the policy are read (the 看板 passes its own). */
export async function projectLights(
  ctx: Pick<HandlerContext, 'tx' | 'now' | 'policy'>,
  projects: Project[],
  calendar: WorkingCalendar,
): Promise<Map<number, Light>> {
  const followed = projects.filter(projectFollowed);
  // The report deadline is the call's (docs/domain.md "Calls").
  const tasks = (
    await ctx.tx.task.findMany({
      where: { projectId: { in: followed.map((project) => project.id) } },
      include: { unit: true, call: { select: { ackDueAt: true } } },
      orderBy: { id: 'asc' },
    })
  ).map(({ call, ...task }) => ({ ...task, ackDueAt: call.ackDueAt }));
  const lights = new Map<number, Light>(projects.map((project) => [project.id, 'green']));
  for (const project of followed)
    lights.set(
      project.id,
      projectStatus(
        project,
        tasks.filter((task) => task.projectId === project.id),
        ctx.now,
        ctx.policy,
        calendar,
      ).light,
    );
  return lights;
}
