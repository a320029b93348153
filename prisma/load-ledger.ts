// What 台账 needs (domain/ledger/build-ledger.ts), read in a few batch queries inside the caller's
// transaction, one after another (a transaction is one connection): no query per project. Plain SQL
// with only the columns the ledger shows, the big tables as one JSON array each (read-json-rows.ts),
// like the digests' snapshot: at 10,000 projects Prisma's model mapping cost more than the reading
// (BENCHMARKS.md, digests).
import type { LedgerData, LedgerProblem, LedgerProject, LedgerTask } from '../domain/ledger/build-ledger.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './open-database.js';
import { readJsonRows } from './read-json-rows.js';

/** A ledger row with the ids of its unit and leader, whose names are looked up here. */
type Row<T, Ids extends string> = Omit<T, 'leadUnit' | 'leader' | 'unit'> & { [id in Ids]: number | null };

export async function loadLedger(tx: Tx, now: Date): Promise<LedgerData> {
  // Finished items matter for the ranking sheet's two months; older ones never (as the digests' snapshot).
  const since = new Date(now.getTime() - 70 * 86_400_000);
  const projects = await readJsonRows<Row<LedgerProject, 'leaderId'> & { leaderName: string }>(
    tx,
    Prisma.sql`
      SELECT id, name, content, "investmentWan", industry, enterprise, "contactName", "contactMobile", "leadUnitId", "leaderId", "leaderName", stage,
        service, "targetTasks", "timeNodes", "expectedStartOn", "signedOn", "landListedOn", "startedOn", "producedOn", "enrolledOn", "acceptedAt",
        "teamFormedAt", "planMadeAt"
      FROM "Project"`,
    ['acceptedAt', 'teamFormedAt', 'planMadeAt'],
  );
  // The report deadline is the call's (docs/domain.md "Calls").
  const tasks = await readJsonRows<Omit<LedgerTask, 'unit'>>(
    tx,
    Prisma.sql`
      SELECT t.id, t."projectId", t."itemName", t.phase, t."unitId", t."callId", t.state, t."postedAt", t."takenAt", c."ackDueAt", t."dueOn",
        t."suspendedAt", t."doneAt"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
      WHERE t.state IN ('posted', 'taken', 'suspended') OR t."doneAt" >= ${since.toISOString()}::timestamp`,
    ['postedAt', 'takenAt', 'ackDueAt', 'suspendedAt', 'doneAt'],
  );
  const problems = await readJsonRows<Row<LedgerProblem, 'unitId' | 'leaderId'>>(
    tx,
    Prisma.sql`
      SELECT p.id, p."projectId", p.category, p.description, p.suggestion, p."leaderOpinion", p."unitId", p."leaderId", p.state, p."createdAt",
        p."closedAt", COALESCE((SELECT json_agg(a.text ORDER BY a.at, a.id) FROM "ProblemAnswer" AS a WHERE a."problemId" = p.id), '[]'::json) AS answers
      FROM "Problem" AS p`,
    ['createdAt', 'closedAt'],
  );
  const monthlyReports = await tx.$queryRaw<{ projectId: number; month: string; investmentWan: number }[]>`
    SELECT "projectId", month, "investmentWan"::float8 AS "investmentWan" FROM "MonthlyReport"`;
  const people = await tx.$queryRaw<{ unitId: number | null; roles: string[] }[]>`SELECT "unitId", roles FROM "Person" WHERE active AND "unitId" IS NOT NULL`;
  const unitRows = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Unit" ORDER BY id`;
  const units = new Map(unitRows.map((unit) => [unit.id, unit.name]));
  const leaderIds = [
    ...new Set([...projects.map((project) => project.leaderId), ...problems.map((problem) => problem.leaderId)].filter((id): id is number => id !== null)),
  ];
  const leaders = new Map(
    (await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Person" WHERE id = ANY(${leaderIds}::int[])`).map((person) => [
      person.id,
      person.name,
    ]),
  );
  const nameOf = (map: Map<number, string>, id: number | null) => (id === null ? null : (map.get(id) ?? null));
  return {
    projects: projects.map(({ leaderId, leaderName, ...project }) => ({
      ...project,
      leadUnit: nameOf(units, project.leadUnitId),
      // 包抓领导 as typed is kept when no roster person matched it.
      leader: nameOf(leaders, leaderId) ?? (leaderName || null),
    })),
    tasks: tasks.map((task) => ({ ...task, unit: units.get(task.unitId) ?? '' })),
    problems: problems.map(({ unitId, leaderId, ...problem }) => ({ ...problem, unit: nameOf(units, unitId), leader: nameOf(leaders, leaderId) })),
    monthlyReports,
    units: unitRows,
    people,
  };
}
