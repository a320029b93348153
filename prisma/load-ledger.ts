// What 台账 needs (domain/ledger/build-ledger.ts), read in five batch queries inside the caller's
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

export async function loadLedger(tx: Tx): Promise<LedgerData> {
  const projects = await readJsonRows<Row<LedgerProject, 'leadUnitId' | 'leaderId'> & { leaderName: string }>(
    tx,
    Prisma.sql`
      SELECT id, name, content, "investmentWan", industry, enterprise, "leadUnitId", "leaderId", "leaderName", stage, service, "targetTasks", "timeNodes",
        "expectedStartOn", "signedOn", "landListedOn", "startedOn", "producedOn", "enrolledOn", "acceptedAt", "teamFormedAt", "planMadeAt"
      FROM "Project"`,
    ['acceptedAt', 'teamFormedAt', 'planMadeAt'],
  );
  // The report deadline is the call's (docs/domain.md "Calls").
  const tasks = await readJsonRows<Omit<LedgerTask, 'unit'> & { unitId: number }>(
    tx,
    Prisma.sql`
      SELECT t.id, t."projectId", t."itemName", t."unitId", t.state, t."postedAt", c."ackDueAt", t."dueOn", t."suspendedAt"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
      WHERE t.state IN ('posted', 'taken', 'suspended')`,
    ['postedAt', 'ackDueAt', 'suspendedAt'],
  );
  const problems = await readJsonRows<Row<LedgerProblem, 'unitId' | 'leaderId'>>(
    tx,
    Prisma.sql`SELECT id, "projectId", category, description, "unitId", "leaderId", state, "createdAt", "closedAt" FROM "Problem"`,
    ['createdAt', 'closedAt'],
  );
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
