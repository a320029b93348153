// What the one project light reads (domain/project/project-light.ts) for many projects at once, and no
// more: each project's clocks and its open items' timings (a finished, returned or cancelled item has no
// light, traffic-light.ts taskLight). For counting lights over a county's projects (总览, issue 19 "Speed").
import { Prisma } from '../generated/prisma/client.js';
import type { ProjectClocks } from '../domain/project/project-deadlines.js';
import type { TaskTiming } from '../domain/project/traffic-light.js';
import type { Tx } from './open-database.js';
import { readJsonRows } from './read-json-rows.js';

/** `which`: a condition on `"Project" AS p`. */
export async function loadLightInputs(tx: Tx, which: Prisma.Sql): Promise<{ projects: (ProjectClocks & { id: number })[]; tasks: Map<number, TaskTiming[]> }> {
  const projects = await readJsonRows<ProjectClocks & { id: number }>(
    tx,
    Prisma.sql`SELECT p.id, p.stage, p.service, p."signedOn", p."landListedOn", p."acceptedAt", p."teamFormedAt", p."planMadeAt" FROM "Project" AS p WHERE ${which}`,
    ['acceptedAt', 'teamFormedAt', 'planMadeAt'],
  );
  const rows = await readJsonRows<TaskTiming & { id: number; projectId: number }>(
    tx,
    Prisma.sql`
      SELECT t.id, t."projectId", t.state, c."ackDueAt", t."dueOn", t."suspendedAt"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId" JOIN "Project" AS p ON p.id = t."projectId"
      WHERE t.state IN ('posted', 'taken', 'suspended') AND ${which}`,
    ['ackDueAt', 'suspendedAt'],
  );
  const tasks = new Map<number, TaskTiming[]>();
  for (const { id: _id, projectId, ...timing } of rows) {
    const list = tasks.get(projectId);
    if (list) list.push(timing);
    else tasks.set(projectId, [timing]);
  }
  return { projects, tasks };
}
