// The one read of projects, tasks, problems, people and reports that the digests and the 台账 both
// build from (the 22nd's ranking sends both from one read): a few batch queries inside the caller's
// transaction, one after another (a transaction is one connection). Rows are as stored: the digests
// quote typed text for markdown (domain/schedule/quote-snapshot.ts), the 台账 resolves names
// (domain/ledger/ledger-data-of.ts). Plain SQL with only the columns read, the big tables as one JSON
// array each (read-json-rows.ts): Prisma's model mapping cost more than the reading (BENCHMARKS.md, digests).
import { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../domain/roles.js';
import type { StoredProblem, StoredProject, StoredSnapshot } from '../domain/schedule/schedule-snapshot.js';
import type { SnapshotTask } from '../domain/schedule/schedule-snapshot.js';
import type { Tx } from './open-database.js';
import { readJsonRows } from './read-json-rows.js';

export interface SnapshotOptions {
  /** Closed problems too (the 台账 lists every problem; the digests only open ones). */
  closedProblems?: boolean;
}

export async function loadSnapshot(tx: Tx, now: Date, { closedProblems = false }: SnapshotOptions = {}): Promise<StoredSnapshot> {
  // Finished tasks matter for two months of ranking; older ones never.
  const since = new Date(now.getTime() - 70 * 86_400_000);
  const answeredSince = new Date(now.getTime() - 21 * 86_400_000);
  // Inactive people too: the 台账 names a project's former 包抓领导; the digests address active people only.
  const people = await tx.$queryRaw<{ id: number; name: string; unitId: number | null; roles: Role[]; active: boolean }[]>`
    SELECT id, name, "unitId", roles, active FROM "Person" ORDER BY id`;
  const units = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Unit" ORDER BY id`;
  const projects = await readJsonRows<StoredProject>(
    tx,
    Prisma.sql`
      SELECT id, name, stage, service, content, industry, enterprise, "contactName", "contactMobile", "targetTasks", "timeNodes", "expectedStartOn",
        "investmentWan", "leaderId", "leaderName", "leadUnitId", "signedOn", "landListedOn", "acceptedAt", "teamFormedAt", "planMadeAt", "startedOn",
        "producedOn", "enrolledOn"
      FROM "Project"`,
    ['acceptedAt', 'teamFormedAt', 'planMadeAt'],
  );
  // The report deadline is the call's (docs/domain.md "Calls").
  const tasks = await readJsonRows<SnapshotTask>(
    tx,
    Prisma.sql`
      SELECT t.id, t."projectId", t."unitId", t."callId", t."postedAt", t."takenAt", t."itemName", t.phase, t.state, c."ackDueAt", t."dueOn",
        t."suspendedAt", t."doneAt"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
      WHERE t.state IN ('posted', 'taken', 'suspended') OR t."doneAt" >= ${since}`,
    ['postedAt', 'takenAt', 'ackDueAt', 'suspendedAt', 'doneAt'],
  );
  const problems = await readJsonRows<StoredProblem>(
    tx,
    Prisma.sql`
      SELECT p.id, p."projectId", p."unitId", p.description, p.suggestion, p.category, p."leaderId", p.state, p."leaderOpinion", p."createdAt",
        p."digestedAt", p."closedAt",
        COALESCE((SELECT json_agg(a.text ORDER BY a.at, a.id) FROM "ProblemAnswer" AS a WHERE a."problemId" = p.id), '[]'::json) AS answers
      FROM "Problem" AS p ${closedProblems ? Prisma.empty : Prisma.sql`WHERE p.state <> 'closed'`}`,
    ['createdAt', 'digestedAt', 'closedAt'],
  );
  const weeklyAnswers = await tx.$queryRaw<{ projectId: number; week: string; none: boolean }[]>`
    SELECT "projectId", week, "none" FROM "WeeklyAnswer" WHERE at >= ${answeredSince}`;
  const monthlyReports = await tx.$queryRaw<{ projectId: number; month: string; investmentWan: number; progress: string }[]>`
    SELECT "projectId", month, "investmentWan"::float8 AS "investmentWan", progress FROM "MonthlyReport"`;
  return { people, units, projects, tasks, problems, weeklyAnswers, monthlyReports };
}
