// Keeps one month's ranking (UnitMonthRank, migration 0017): one row per ranked unit with the parts its
// place was made of, and one per idle unit with no place. Written by the 22nd's ranking run in its own
// transaction, or once by the first page that needs a month ranked before these rows existed; the key
// (month, unit) with ON CONFLICT DO NOTHING lets two instances write the same month without doubling it.
import { Prisma } from '../generated/prisma/client.js';
import type { MonthRanking } from '../domain/schedule/digests/rank-month.js';
import type { Tx } from './open-database.js';

export async function saveMonthRanking(tx: Tx, month: string, asOf: Date, ranking: MonthRanking): Promise<void> {
  const rows = [
    ...ranking.ranked.map(
      (s) =>
        Prisma.sql`(${month}, ${s.unitId}, ${s.place}, ${s.starts}, ${s.completions}, ${s.investmentWan}, ${s.investmentPct}, ${s.itemsDone}, ${s.itemsOnTime},
          ${s.overdueOpen}, ${s.overdueDays}, ${s.untaken}, ${s.takenLate}, ${s.missedReports}, ${s.service}, ${asOf})`,
    ),
    ...ranking.idle.map((unitId) => Prisma.sql`(${month}, ${unitId}, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ${asOf})`),
  ];
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "UnitMonthRank" (month, "unitId", place, starts, completions, "investmentWan", "investmentPct", "itemsDone", "itemsOnTime",
      "overdueOpen", "overdueDays", untaken, "takenLate", "missedReports", service, "asOf")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (month, "unitId") DO NOTHING`;
}
