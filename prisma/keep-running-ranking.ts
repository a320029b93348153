// Keeps the running month's ranking so far (RunningRanking, migration 0020) for use-cases/rank-months.ts.
// Two instances may rank the same month at once: the newer asOf wins, and an instance whose clock is behind
// never replaces a newer row (ON CONFLICT … WHERE, PostgreSQL docs "INSERT … ON CONFLICT"). One row per
// month: rows of months before this one are closed (their ranking run has come, UnitMonthRank keeps them)
// and are deleted here.
import type { Tx } from './open-database.js';
import type { KeptRanking } from './read-running-ranking.js';

export async function keepRunningRanking(tx: Tx, month: string, kept: KeptRanking): Promise<void> {
  const ranking = JSON.stringify({ ranked: kept.ranked, idle: kept.idle, bottomTwice: kept.bottomTwice });
  await tx.$executeRaw`
    INSERT INTO "RunningRanking" (month, "asOf", ranking) VALUES (${month}, ${kept.asOf}, ${ranking}::jsonb)
    ON CONFLICT (month) DO UPDATE SET "asOf" = EXCLUDED."asOf", ranking = EXCLUDED.ranking
    WHERE "RunningRanking"."asOf" < EXCLUDED."asOf"`;
  await tx.$executeRaw`DELETE FROM "RunningRanking" WHERE month < ${month}`;
}
