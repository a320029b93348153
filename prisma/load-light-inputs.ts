// What the one project light reads (domain/project/project-light.ts) for many projects at once, and no
// more: each project's clocks and, instead of every open item, the few items that decide its light
// (issue 19 "Speed": 总览 lights 10,000 projects with 100,000 items; the lists light theirs the same way).
//
// Why the reduction gives the same light (issue 17 "one rule, one place": the rule stays in TypeScript):
// the project light is the worst of its items' lights and its deadlines' lights, and an item's light
// (domain/project/traffic-light.ts taskLight) only gets worse as one of its times gets earlier —
//  - a posted card reads only ackDueAt: red once now ≥ ackDueAt, so the earliest ackDueAt is the worst;
//  - a taken or suspended item reads only dueOn, judged at one instant (now, or its suspendedAt):
//    no dueOn is green, and dateLight is red past dueOn and yellow when dueOn is within the warning
//    days of that instant — a threshold that does not depend on dueOn — so the earliest dueOn is the worst;
//  - finished, returned and cancelled items have no light.
// So the items of a project that share a state and a suspendedAt (hence one judging instant) are
// reduced to one row carrying their earliest ackDueAt (posted cards: only they join their call) and earliest dueOn (min ignores a missing dueOn,
// and all missing is green, as each of them is): that row's light is the worst of theirs, and the
// rule, fed these rows, gives the light it gives from all the items.
// test/use-cases/reduced-light-inputs.db.test.ts holds it to the full rule over random items.
import { Prisma } from '../generated/prisma/client.js';
import type { ProjectClocks } from '../domain/project/project-deadlines.js';
import type { TaskTiming } from '../domain/project/traffic-light.js';
import type { Tx } from './open-database.js';
import { readJsonRows } from './read-json-rows.js';

export interface LightInputs {
  projects: (ProjectClocks & { id: number })[];
  /** Per project, the rows that decide its light (not one per item: see above). */
  tasks: Map<number, TaskTiming[]>;
}

/**
 * `which`: a condition on `"Project" AS p`, or the projects' ids (a list's page: the items are then found
 * through their project index, not by a scan of every item).
 */
export async function loadLightInputs(tx: Tx, which: Prisma.Sql | readonly number[]): Promise<LightInputs> {
  const ids = Array.isArray(which) ? [...which] : null;
  const projectWhere = ids ? Prisma.sql`p.id = ANY(${ids}::int[])` : (which as Prisma.Sql);
  const taskWhere = ids ? Prisma.sql`t."projectId" = ANY(${ids}::int[])` : Prisma.sql`t."projectId" IN (SELECT p.id FROM "Project" AS p WHERE ${projectWhere})`;
  const projects = await readJsonRows<ProjectClocks & { id: number }>(
    tx,
    Prisma.sql`SELECT p.id, p.stage, p.service, p."signedOn", p."landListedOn", p."acceptedAt", p."teamFormedAt", p."planMadeAt" FROM "Project" AS p WHERE ${projectWhere}`,
    ['acceptedAt', 'teamFormedAt', 'planMadeAt'],
  );
  const rows = await readJsonRows<TaskTiming & { id: number }>(
    tx,
    Prisma.sql`
      SELECT t."projectId" AS id, t.state, t."suspendedAt", NULL::timestamp AS "ackDueAt", min(t."dueOn") AS "dueOn"
      FROM "Task" AS t WHERE t.state IN ('taken', 'suspended') AND ${taskWhere}
      GROUP BY t."projectId", t.state, t."suspendedAt"
      UNION ALL
      SELECT t."projectId", t.state, NULL, min(c."ackDueAt"), NULL
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId" WHERE t.state = 'posted' AND ${taskWhere}
      GROUP BY t."projectId", t.state`,
    ['ackDueAt', 'suspendedAt'],
  );
  const tasks = new Map<number, TaskTiming[]>();
  for (const { id: projectId, ...timing } of rows) {
    const list = tasks.get(projectId);
    if (list) list.push(timing);
    else tasks.set(projectId, [timing]);
  }
  return { projects, tasks };
}
