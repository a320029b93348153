// The one light of a project in a list: its worst task or deadline light.
import type { Project } from '../../generated/prisma/client.js';
import type { HandlerContext } from '../context.js';
import type { WorkingCalendar } from '../../domain/calendar/create-working-calendar.js';
import type { Light } from '../../domain/project/traffic-light.js';
import { projectFollowed } from '../../domain/project/project-stage.js';
import { loadProjectStatus } from './load-project-status.js';

export async function projectLight(ctx: HandlerContext, project: Project, calendar: WorkingCalendar): Promise<Light> {
  if (!projectFollowed(project)) return 'green';
  return (await loadProjectStatus(ctx.tx, project, ctx.now, ctx.policy, calendar)).light;
}
