// How many of the projects a person may read are red, yellow and green, each lit by the one light rule
// (domain/project/project-light.ts, as 进度 and the 台账 light it) — from only the columns the rule
// reads (prisma/load-light-inputs.ts), so 总览 lights 10,000 projects in one pass (issue 19 "Speed").
import { Prisma } from '../generated/prisma/client.js';
import type { Viewer } from '../domain/access/project-access.js';
import { projectLight, type LightContext } from '../domain/project/project-light.js';
import type { Light } from '../domain/project/traffic-light.js';
import { loadLightInputs } from '../prisma/load-light-inputs.js';
import type { Tx } from '../prisma/open-database.js';
import { followedProjectsSql, readableProjectsFilter } from './readable-projects-filter.js';

/** Followed projects only (a project no longer followed has no light on 总览). */
export async function countProjectLights(tx: Tx, viewer: Viewer, context: LightContext): Promise<Record<Light, number>> {
  const { projects, tasks } = await loadLightInputs(tx, Prisma.sql`${readableProjectsFilter(viewer)} AND ${followedProjectsSql}`);
  const lights: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
  for (const project of projects) lights[projectLight(project, tasks.get(project.id) ?? [], context)] += 1;
  return lights;
}
