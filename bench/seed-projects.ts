// A county's worth of projects for the digest and scale benches, in plain SQL for speed:
// `projects` projects in approval, each with `tasksPerProject` task cards (open, taken and
// finished ones) spread over the demo roster's units, `problemsPerProject` open problems, and last
// month's figures; leaders and units are the demo roster's (import it first).
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../prisma/open-database.js';

export interface ProjectsOptions {
  projects: number;
  tasksPerProject: number;
  problemsPerProject: number;
  now: Date;
}

export async function seedProjects(prisma: Db, { projects, tasksPerProject, problemsPerProject, now }: ProjectsOptions): Promise<void> {
  const at = now.toISOString();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Project" (name, "investmentWan", industry, enterprise, service, phase, "leaderId", "leadUnitId", "signedOn", "acceptedAt", "teamFormedAt", "planMadeAt", "updatedAt")
        SELECT '规模项目' || g, 1000 + g % 50000, '新能源', '规模企业' || g, 'approving', 1 + g % 4,
          (SELECT id FROM "Person" WHERE 'county_leader' = ANY(roles) ORDER BY id OFFSET g % 2 LIMIT 1),
          (SELECT id FROM "Unit" ORDER BY id OFFSET g % 16 LIMIT 1),
          ${at}::timestamp::date - (g % 300), ${at}::timestamp - make_interval(days => g % 290), ${at}::timestamp - make_interval(days => g % 280),
          ${at}::timestamp - make_interval(days => g % 270), now()
        FROM generate_series(1, ${projects}::int) AS g`;
      // Each card is a call of its own (docs/domain.md "Calls"), numbered after the calls already there.
      const [{ base } = { base: 0 }] = await tx.$queryRaw<{ base: number }[]>`SELECT coalesce(max(id), 0)::int AS base FROM "Call"`;
      const cards = Prisma.sql`
        SELECT ${base}::int + row_number() OVER (ORDER BY p.id, k) AS "callId", p.id AS "projectId", u.id AS "unitId", k,
          (ARRAY['posted', 'taken', 'taken', 'done', 'suspended'])[1 + (p.id + k) % 5] AS state,
          ${at}::timestamp - make_interval(days => (p.id + k) % 60) AS "postedAt",
          CASE WHEN (p.id + k) % 5 IN (1, 2, 3) THEN ${at}::timestamp - make_interval(days => (p.id + k) % 50) END AS "takenAt"
        FROM "Project" AS p CROSS JOIN generate_series(1, ${tasksPerProject}::int) AS k
        JOIN LATERAL (SELECT id FROM "Unit" ORDER BY id OFFSET (p.id + k) % 16 LIMIT 1) AS u ON true
        WHERE p.name LIKE '规模项目%'`;
      await tx.$executeRaw`
        INSERT INTO "Call" (id, "projectId", "unitId", state, "postedAt", "ackDueAt", "takenAt", "updatedAt")
        SELECT "callId", "projectId", "unitId", CASE WHEN state = 'posted' THEN 'posted' ELSE 'taken' END, "postedAt", "postedAt" + interval '30 minutes', "takenAt", now()
        FROM (${cards}) AS card`;
      await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('"Call"', 'id'), (SELECT max(id) FROM "Call"))`;
      await tx.$executeRaw`
        INSERT INTO "Task" ("projectId", "unitId", "callId", "itemCode", "itemName", phase, state, "promisedDays", "dueOn", "postedAt", "takenAt", "doneAt", "updatedAt")
        SELECT "projectId", "unitId", "callId", 'scale' || k, '规模事项' || k, 1 + k % 4, state, 10,
          ${at}::timestamp::date + (("projectId" + k) % 40 - 10), "postedAt", "takenAt",
          CASE WHEN state = 'done' THEN ${at}::timestamp - make_interval(days => ("projectId" + k) % 40) END, now()
        FROM (${cards}) AS card`;
      await tx.$executeRaw`
        INSERT INTO "Problem" ("projectId", "reporterId", description, category, "unitId", "leaderId", state, "createdAt")
        SELECT p.id, (SELECT id FROM "Person" ORDER BY id LIMIT 1), '规模问题' || k || '：用地指标未落实', (ARRAY['用地', '手续', '资金', '配套', '其他'])[1 + (p.id + k) % 5],
          p."leadUnitId", p."leaderId", (ARRAY['open', 'answered', 'escalated'])[1 + (p.id + k) % 3], ${at}::timestamp - make_interval(days => (p.id + k) % 20)
        FROM "Project" AS p CROSS JOIN generate_series(1, ${problemsPerProject}::int) AS k WHERE p.name LIKE '规模项目%'`;
      await tx.$executeRaw`
        INSERT INTO "MonthlyReport" ("projectId", month, "investmentWan", progress, "personId", at)
        SELECT p.id, ${lastMonth}, p.id % 900, '主体施工', (SELECT id FROM "Person" ORDER BY id LIMIT 1), ${at}::timestamp
        FROM "Project" AS p WHERE p.name LIKE '规模项目%'`;
    },
    { timeout: 600_000 },
  );
}
