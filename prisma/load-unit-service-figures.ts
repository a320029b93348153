// The 单位 pages' service figures (issue 19) counted by the database, one row per unit, instead of every
// open item read into JavaScript: the rule is domain/units/summarize-unit-service.ts's, on the same items
// (still open, or finished since `since`), and test/prisma/load-unit-service-figures.db.test.ts checks both
// on the same cases. 报到 minutes are the ones kept on the call (Call.ackMinutes, prisma/fill-ack-minutes.ts
// fills the missing ones first); percentile_disc is the nearest rank that percentile() takes (PostgreSQL
// docs "Aggregate Functions": the first value whose position in the ordering reaches the fraction).
import { Prisma } from '../generated/prisma/client.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import type { UnitService } from '../domain/units/summarize-unit-service.js';
import type { Tx } from './open-database.js';

// Shanghai has kept UTC+8 all year since 1991: the Shanghai date of a stored UTC instant.
const SHANGHAI_OFFSET = Prisma.sql`interval '8 hours'`;

/** Each unit's figures, in the order of `unitIds`; zeros and null minutes for a unit with nothing. */
export async function loadUnitServiceFigures(tx: Tx, unitIds: readonly number[], { since, now }: { since: Date; now: Date }): Promise<UnitService[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx.$queryRaw<UnitService[]>`
    WITH served AS (
      SELECT t."unitId", t."callId", t.state, t."takenAt", t."dueOn", t."doneAt", c."ackDueAt", c."ackMinutes"
      FROM "Task" AS t JOIN "Call" AS c ON c.id = t."callId"
      WHERE t."unitId" IN (${Prisma.join(unitIds)}) AND (t.state IN ('posted', 'taken', 'suspended') OR t."doneAt" >= ${since})
    ),
    answered AS (
      -- A call is taken once for all its items (docs/domain.md "Calls"): one card, one 报到.
      SELECT "unitId", count(*)::int AS answered,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes) AS "medianMinutes",
        percentile_disc(0.9) WITHIN GROUP (ORDER BY minutes) AS "p90Minutes"
      FROM (SELECT DISTINCT "unitId", "callId", "ackMinutes" AS minutes FROM served WHERE "takenAt" >= ${since} AND "takenAt" <= ${now}) AS calls
      GROUP BY "unitId"
    ),
    counted AS (
      SELECT "unitId",
        count(DISTINCT "callId") FILTER (WHERE state = 'posted' AND "ackDueAt" < ${now})::int AS untaken,
        count(*) FILTER (WHERE "doneAt" >= ${since} AND "doneAt" <= ${now})::int AS done,
        count(*) FILTER (
          WHERE "doneAt" >= ${since} AND "doneAt" <= ${now} AND ("dueOn" IS NULL OR ("doneAt" + ${SHANGHAI_OFFSET})::date <= "dueOn")
        )::int AS "onTime",
        count(*) FILTER (WHERE state = 'taken' AND "dueOn" < ${shanghaiDate(now)}::date)::int AS overdue
      FROM served GROUP BY "unitId"
    )
    SELECT u.id AS "unitId", coalesce(a.answered, 0) AS answered, a."medianMinutes", a."p90Minutes", coalesce(c.untaken, 0) AS untaken,
      coalesce(c."onTime", 0) AS "onTime", coalesce(c.done - c."onTime", 0) AS late, coalesce(c.overdue, 0) AS overdue
    FROM unnest(${[...unitIds]}::int[]) WITH ORDINALITY AS u(id, n)
      LEFT JOIN answered AS a ON a."unitId" = u.id LEFT JOIN counted AS c ON c."unitId" = u.id
    ORDER BY u.n`;
  return rows;
}
