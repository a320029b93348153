// What 台账 needs (domain/ledger/build-ledger.ts), read in five batch queries inside the caller's
// transaction, one after another (a transaction is one connection): no query per project. Plain SQL
// with flat rows and only the columns the ledger shows, like the digests' snapshot
// (cron/schedules/load-snapshot.ts): at 10,000 projects Prisma's model mapping cost more than the
// reading (BENCHMARKS.md, digests). Dates come back as `YYYY-MM-DD` text and amounts as numbers.
import type { LedgerData, LedgerProblem, LedgerProject, LedgerTask } from '../domain/ledger/build-ledger.js';
import type { Tx } from './open-database.js';

/** A ledger row with the ids of its unit and leader, whose names are looked up here. */
type Row<T, Ids extends string> = Omit<T, 'leadUnit' | 'leader' | 'unit'> & { [id in Ids]: number | null };

export async function loadLedger(tx: Tx): Promise<LedgerData> {
  const projects = await tx.$queryRaw<(Row<LedgerProject, 'leadUnitId' | 'leaderId'> & { leaderName: string })[]>`
    SELECT id, name, content, "investmentWan"::float8 AS "investmentWan", industry, enterprise, "leadUnitId", "leaderId", "leaderName", stage, service,
      "targetTasks", "timeNodes", "expectedStartOn"::text AS "expectedStartOn", "signedOn"::text AS "signedOn", "landListedOn"::text AS "landListedOn",
      "startedOn"::text AS "startedOn", "producedOn"::text AS "producedOn", "enrolledOn"::text AS "enrolledOn", "acceptedAt", "teamFormedAt", "planMadeAt"
    FROM "Project" ORDER BY id`;
  // The report deadline is the call's (docs/domain.md "Calls").
  const tasks = await tx.$queryRaw<(Omit<LedgerTask, 'unit'> & { unitId: number })[]>`
    SELECT t.id, t."projectId", t."itemName", t."unitId", t.state, t."postedAt", c."ackDueAt", t."dueOn"::text AS "dueOn", t."suspendedAt"
    FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
    WHERE t.state IN ('posted', 'taken', 'suspended')
    ORDER BY t.id`;
  const problems = await tx.$queryRaw<Row<LedgerProblem, 'unitId' | 'leaderId'>[]>`
    SELECT id, "projectId", category, description, "unitId", "leaderId", state, "createdAt", "closedAt" FROM "Problem" ORDER BY id`;
  const units = new Map((await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Unit"`).map((unit) => [unit.id, unit.name]));
  const leaderIds = [
    ...new Set([...projects.map((project) => project.leaderId), ...problems.map((problem) => problem.leaderId)].filter((id): id is number => id !== null)),
  ];
  const people = new Map(
    (await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Person" WHERE id = ANY(${leaderIds}::int[])`).map((person) => [
      person.id,
      person.name,
    ]),
  );
  const nameOf = (map: Map<number, string>, id: number | null) => (id === null ? null : (map.get(id) ?? null));
  return {
    projects: projects.map(({ leadUnitId, leaderId, leaderName, ...project }) => ({
      ...project,
      leadUnit: nameOf(units, leadUnitId),
      // 包抓领导 as typed is kept when no roster person matched it.
      leader: nameOf(people, leaderId) ?? (leaderName || null),
    })),
    tasks: tasks.map(({ unitId, ...task }) => ({ ...task, unit: units.get(unitId) ?? '' })),
    problems: problems.map(({ unitId, leaderId, ...problem }) => ({ ...problem, unit: nameOf(units, unitId), leader: nameOf(people, leaderId) })),
  };
}
