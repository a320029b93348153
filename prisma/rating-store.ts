// Statements on an enterprise's 评价 that the schedules run: the claim of the low ratings whose 回访 is
// overdue and marking them reminded (002 五(九)). Instants pass as Date values.
import type { Tx } from './open-database.js';

export interface OverdueFollowUp {
  id: number;
  projectId: number;
  score: number;
  followUpDueAt: Date;
}

/** Claims up to `limit` ratings past their follow-up deadline, FOR UPDATE SKIP LOCKED so of several instances one reminds. */
export async function claimOverdueFollowUps(tx: Tx, now: Date, limit: number): Promise<OverdueFollowUp[]> {
  return tx.$queryRaw<OverdueFollowUp[]>`
    SELECT id, "projectId", score, "followUpDueAt" FROM "Rating"
    WHERE "followUpDueAt" <= ${now} AND "followedUpAt" IS NULL AND "remindedAt" IS NULL
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}

export async function markFollowUpsReminded(tx: Tx, ids: readonly number[], now: Date): Promise<void> {
  await tx.rating.updateMany({ where: { id: { in: [...ids] } }, data: { remindedAt: now } });
}
