// The one way the fault tests create task cards that fall due: straight into the tables, as 派单
// leaves them (handlers/tasks/post-task-cards.ts): one call per unit per project holding the
// report-to-window timer, each carrying one item, its deadline spread over the next `withinMs` and
// posted `ackTimeoutMinutes` before it (office hours "always"), so the bot's start-up finds every
// deadline where the policy puts it and moves none (use-cases/recompute-task-clocks.ts). A
// thousand cards take a second this way, where typing the commands took minutes. Runs in the test
// process on the database the bot processes will share; nothing is sent for them but their
// escalations.
import type { Db } from '../../prisma/open-database.js';

export interface SeededCards {
  /** Task numbers posted (the T in 任务 T12), one per call. */
  taskIds: number[];
}

export async function seedDueCards(prisma: Db, cards: number, withinMs: number, ackTimeoutMinutes: number): Promise<SeededCards> {
  const units = await prisma.unit.findMany({ where: { people: { some: { roles: { has: 'agent' } } } }, select: { id: true }, orderBy: { id: 'asc' } });
  const leader = await prisma.person.findFirstOrThrow({ where: { name: '县领导甲' }, select: { id: true } });
  const projects = Math.ceil(cards / units.length);
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Project" (name, "investmentWan", industry, "leaderId", "leaderName", service, "updatedAt")
      SELECT '故障演练项目' || n, 30000, '新能源', ${leader.id}, '县领导甲', 'accepted', now() FROM generate_series(1, ${projects}::int) AS n`;
    await tx.$executeRaw`
      INSERT INTO "Call" ("projectId", "unitId", "postedAt", "ackDueAt", "nextEscalationAt", "updatedAt")
      SELECT "projectId", "unitId", due - ${ackTimeoutMinutes * 60}::float8 * interval '1 second', due, due, now()
      FROM (
        SELECT p.id AS "projectId", u AS "unitId", date_trunc('milliseconds', now() + random() * ${withinMs}::int * interval '1 millisecond') AS due
        FROM "Project" p CROSS JOIN unnest(${units.map((unit) => unit.id)}::int[]) AS u
        ORDER BY p.id, u LIMIT ${cards}::int
      ) AS calls`;
    await tx.$executeRaw`
      INSERT INTO "Task" ("projectId", "unitId", "callId", "itemCode", "itemName", phase, "postedAt", "updatedAt")
      SELECT "projectId", "unitId", id, 'drill', '故障演练事项', 1, "postedAt", now() FROM "Call" ORDER BY id`;
  });
  const tasks = await prisma.task.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  return { taskIds: tasks.map((task) => task.id) };
}
