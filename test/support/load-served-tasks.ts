// The items the 单位 pages' service figures read (domain/units/summarize-unit-service.ts): of the given
// units, those still open and those finished since `since`, with only the columns the figures need and
// the call's 报到 deadline. The pages count in SQL (prisma/load-unit-service-figures.ts); these rows feed the
// rule in domain/ that test/prisma/load-unit-service-figures.db.test.ts checks the SQL against.
import { Prisma } from '../../generated/prisma/client.js';
import type { ServedTask } from '../../domain/units/summarize-unit-service.js';
import type { Tx } from '../../prisma/open-database.js';
import { readJsonRows } from '../../prisma/read-json-rows.js';

export async function loadServedTasks(tx: Tx, unitIds: readonly number[], since: Date): Promise<ServedTask[]> {
  if (unitIds.length === 0) return [];
  return readJsonRows<ServedTask & { id: number }>(
    tx,
    Prisma.sql`
      SELECT t.id, t."unitId", t."callId", t.state, t."postedAt", t."takenAt", c."ackDueAt", t."dueOn", t."doneAt"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
      WHERE t."unitId" IN (${Prisma.join(unitIds)}) AND (t.state IN ('posted', 'taken', 'suspended') OR t."doneAt" >= ${since})`,
    ['postedAt', 'takenAt', 'ackDueAt', 'doneAt'],
  );
}
