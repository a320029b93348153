// What the monthly ranking reads (domain/schedule/digests/rank-month.ts RankingData) and nothing else,
// for the 看板's ranking of a month not yet ranked (use-cases/rank-months.ts): the projects' dates and
// plans, the items still open or finished since `since`, the 月报 figures, the units and the agents.
// The digests' snapshot (load-snapshot.ts) also carries text, problems and answers the ranking never
// reads; at 10,000 projects that was most of the 排名 page's time (issue 19 "Speed").
import { Prisma } from '../generated/prisma/client.js';
import type { RankingData } from '../domain/schedule/digests/rank-month.js';
import type { Role } from '../domain/roles.js';
import type { Tx } from './open-database.js';
import { readJsonRows } from './read-json-rows.js';

/** `since`: items finished before it are left out (the ranking counts only items finished within its month). */
export async function loadRankingData(tx: Tx, since: Date): Promise<RankingData> {
  const projects = await readJsonRows<RankingData['projects'][number]>(
    tx,
    Prisma.sql`SELECT id, "leadUnitId", "investmentWan"::float8 AS "investmentWan", service, stage, "signedOn", "startedOn", "producedOn", "enrolledOn" FROM "Project"`,
  );
  const tasks = await readJsonRows<RankingData['tasks'][number] & { id: number }>(
    tx,
    Prisma.sql`
      SELECT t.id, t."unitId", t."callId", t.state, t."postedAt", t."takenAt", c."ackDueAt", t."dueOn", t."doneAt"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
      WHERE t."doneAt" IS NULL OR t."doneAt" >= ${since}`,
    ['postedAt', 'takenAt', 'ackDueAt', 'doneAt'],
  );
  const monthlyReports = await tx.$queryRaw<RankingData['monthlyReports'][number][]>`
    SELECT "projectId", month, "investmentWan"::float8 AS "investmentWan" FROM "MonthlyReport"`;
  const units = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Unit" ORDER BY id`;
  // The ranking counts each unit's active agents (as domain/ledger/ledger-data-of.ts keeps them).
  const people = await tx.$queryRaw<{ unitId: number; roles: Role[] }[]>`
    SELECT "unitId", roles FROM "Person" WHERE active AND "unitId" IS NOT NULL ORDER BY id`;
  return { projects, tasks, monthlyReports, units, people };
}
