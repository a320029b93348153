// The running month's ranking so far as it was kept (RunningRanking, migration 0020; written by
// keep-running-ranking.ts): rankUnits' output and its "bottom three twice" line, with the instant it was taken.
import type { MonthRanking } from '../domain/schedule/digests/rank-month.js';
import type { Tx } from './open-database.js';

export interface KeptRanking extends MonthRanking {
  asOf: Date;
  bottomTwice: number[];
}

export async function readRunningRanking(tx: Tx, month: string): Promise<KeptRanking | null> {
  // As text: JSON.parse reads it the same through PGlite and the pg driver.
  const [row] = await tx.$queryRaw<{ asOf: Date; ranking: string }[]>`
    SELECT "asOf", ranking::text AS ranking FROM "RunningRanking" WHERE month = ${month}`;
  if (!row) return null;
  const { ranked, idle, bottomTwice } = JSON.parse(row.ranking) as Omit<KeptRanking, 'asOf'>;
  return { asOf: new Date(row.asOf), ranked, idle, bottomTwice };
}
