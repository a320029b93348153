// Reads what the digests need in seven batch queries, inside the run's transaction. Every text a
// person typed (names, problems, opinions, 月报) is quoted for markdown here, the one way into the
// digests, so a typed link or heading shows as typed (domain/markdown/quote-markdown.ts).
// The queries are plain SQL with only the columns the builders read, the big ones read as one JSON
// array (prisma/read-json-rows.ts): at 10,000 projects and 100,000 cards, Prisma's model mapping and
// the extra query behind an include cost more than the reading itself (BENCHMARKS.md, digests).
import { Prisma } from '../../generated/prisma/client.js';
import { quoteMarkdown } from '../../domain/markdown/quote-markdown.js';
import { readJsonRows } from '../../prisma/read-json-rows.js';
import type { Tx } from '../../prisma/open-database.js';
import type { ScheduleSnapshot, SnapshotProblem, SnapshotProject, SnapshotTask } from '../../domain/schedule/schedule-snapshot.js';
import type { Role } from '../../domain/roles.js';

export async function loadSnapshot(tx: Tx, now: Date): Promise<ScheduleSnapshot> {
  // Finished tasks matter for two months of ranking; older ones never.
  const since = new Date(now.getTime() - 70 * 86_400_000);
  const answeredSince = new Date(now.getTime() - 21 * 86_400_000);
  // One after another: a transaction is one connection (docs/architecture.md "Toolchain notes").
  const people = await tx.$queryRaw<{ id: number; name: string; unitId: number | null; roles: Role[] }[]>`
    SELECT id, name, "unitId", roles FROM "Person" WHERE active ORDER BY id`;
  const units = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Unit"`;
  const projects = await readJsonRows<SnapshotProject>(
    tx,
    Prisma.sql`
      SELECT id, name, stage, service, content, "targetTasks", "timeNodes", "expectedStartOn", "investmentWan", "leaderId", "leadUnitId", "signedOn",
        "landListedOn", "acceptedAt", "teamFormedAt", "planMadeAt", "startedOn", "producedOn", "enrolledOn"
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
      WHERE t.state IN ('posted', 'taken', 'suspended') OR t."doneAt" >= ${since.toISOString()}::timestamp`,
    ['postedAt', 'takenAt', 'ackDueAt', 'suspendedAt', 'doneAt'],
  );
  const problems = await readJsonRows<SnapshotProblem>(
    tx,
    Prisma.sql`
      SELECT id, "projectId", "unitId", description, suggestion, category, "leaderId", state, "leaderOpinion", "createdAt", "digestedAt"
      FROM "Problem" WHERE state <> 'closed'`,
    ['createdAt', 'digestedAt'],
  );
  const weeklyAnswers = await tx.$queryRaw<{ projectId: number; week: string; none: boolean }[]>`
    SELECT "projectId", week, "none" FROM "WeeklyAnswer" WHERE at >= ${answeredSince.toISOString()}::timestamp`;
  const monthlyReports = await tx.$queryRaw<{ projectId: number; month: string; investmentWan: number; progress: string }[]>`
    SELECT "projectId", month, "investmentWan"::float8 AS "investmentWan", progress FROM "MonthlyReport"`;
  return {
    people: people.map((person) => ({ ...person, name: quoteMarkdown(person.name) })),
    units: units.map((unit) => ({ ...unit, name: quoteMarkdown(unit.name) })),
    projects: projects.map((project) => ({
      ...project,
      name: quoteMarkdown(project.name),
      content: quoteMarkdown(project.content),
      targetTasks: quoteMarkdown(project.targetTasks),
      timeNodes: quoteMarkdown(project.timeNodes),
    })),
    tasks: tasks.map((task) => ({ ...task, itemName: quoteMarkdown(task.itemName) })),
    problems: problems.map((problem) => ({
      ...problem,
      description: quoteMarkdown(problem.description),
      suggestion: quoteMarkdown(problem.suggestion),
      leaderOpinion: problem.leaderOpinion === null ? null : quoteMarkdown(problem.leaderOpinion),
    })),
    weeklyAnswers,
    monthlyReports: monthlyReports.map((report) => ({ ...report, progress: quoteMarkdown(report.progress) })),
  };
}
