// The one light of each project in a list (进度's list, the web pages' lists): domain/project/project-light.ts
// over each project's tasks. All the projects' tasks come in one query, so a list of 30 costs one round
// trip, not 30.
import type { Project } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import type { LightContext } from '../domain/project/project-light.js';
import { projectFollowed } from '../domain/project/project-stage.js';
import type { Light } from '../domain/project/traffic-light.js';
import { loadStatusTasks, projectStatus } from './load-project-status.js';

export async function loadProjectLights(tx: Tx, projects: Project[], context: LightContext): Promise<Map<number, Light>> {
  const followed = projects.filter(projectFollowed);
  const tasks = await loadStatusTasks(
    tx,
    followed.map((project) => project.id),
  );
  const lights = new Map<number, Light>(projects.map((project) => [project.id, 'green']));
  for (const project of followed)
    lights.set(
      project.id,
      projectStatus(
        project,
        tasks.filter((task) => task.projectId === project.id),
        context,
      ).light,
    );
  return lights;
}
