// The one light of each project in a list (进度's list, the 台账 page and file): domain/project/project-light.ts
// fed by the one loader of light inputs (prisma/load-light-inputs.ts, as 总览 counts them) — the few
// items that decide each light, in one query for the whole list, so a list of 30 costs one round trip
// and a light filter over 10,000 projects does not read their 100,000 items (issue 19 "Speed").
import type { Tx } from '../prisma/open-database.js';
import { projectLight, type LightContext } from '../domain/project/project-light.js';
import { projectFollowed } from '../domain/project/project-stage.js';
import type { Light } from '../domain/project/traffic-light.js';
import { loadLightInputs } from '../prisma/load-light-inputs.js';

export async function loadProjectLights(
  tx: Tx,
  projects: readonly { id: number; stage: string; service: string }[],
  context: LightContext,
): Promise<Map<number, Light>> {
  const lights = new Map<number, Light>(projects.map((project) => [project.id, 'green']));
  const followed = projects.filter(projectFollowed).map((project) => project.id);
  if (followed.length === 0) return lights;
  const { projects: clocks, tasks } = await loadLightInputs(tx, followed);
  for (const project of clocks) lights.set(project.id, projectLight(project, tasks.get(project.id) ?? [], context));
  return lights;
}
