// The months' rankings kept in UnitMonthRank (save-month-ranking.ts), as the ranking rule gave them:
// ranked units in place order, idle units apart. A month with no rows is missing from the map.
import { Prisma } from '../generated/prisma/client.js';
import type { MonthRanking, UnitScore } from '../domain/schedule/digests/rank-month.js';
import type { Tx } from './open-database.js';

export interface StoredRanking extends MonthRanking {
  asOf: Date;
}

export async function readMonthRankings(tx: Tx, months: readonly string[]): Promise<Map<string, StoredRanking>> {
  const found = new Map<string, StoredRanking>();
  if (months.length === 0) return found;
  const rows = await tx.$queryRaw<(Omit<UnitScore, 'place'> & { month: string; place: number | null; asOf: Date })[]>`
    SELECT month, "unitId", place, starts, completions, "investmentWan", "investmentPct", "itemsDone", "itemsOnTime", "overdueOpen", "overdueDays",
      untaken, "takenLate", "missedReports", service, "asOf"
    FROM "UnitMonthRank" WHERE month IN (${Prisma.join(months)}) ORDER BY month, place NULLS LAST, "unitId"`;
  for (const { month, asOf, place, ...score } of rows) {
    const ranking = found.get(month) ?? { ranked: [], idle: [], asOf: new Date(asOf) };
    if (place === null) ranking.idle.push(score.unitId);
    else ranking.ranked.push({ ...score, place });
    found.set(month, ranking);
  }
  return found;
}
