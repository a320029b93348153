// Statements on DingtalkCallbackSign, the HTTP-mode `(timestamp, sign)` pairs already spent
// (bot/dingtalk/claim-callback-sign.ts). Instants pass as Date values.
import type { Db } from './open-database.js';

/** Deletes up to `batch` pairs first seen before `before`; several instances may prune at once (SKIP LOCKED). */
export async function deleteOldCallbackSigns(prisma: Db, { before, batch }: { before: Date; batch: number }): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "DingtalkCallbackSign" WHERE ("timestamp", sign) IN (
      SELECT "timestamp", sign FROM "DingtalkCallbackSign" WHERE "receivedAt" < ${before} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
}
