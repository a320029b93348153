// Statements on 服务绿卡 (000 第四条(五)) that the schedules run: the claim of the cards whose renewal
// reminder has come and marking them reminded. Instants pass as Date values.
import type { Tx } from './open-database.js';

export interface DueRenewal {
  id: number;
  projectId: number;
  validUntil: Date;
}

/**
 * Claims up to `limit` issued cards whose renewal window opened, not yet reminded nor applied for
 * (发放绿卡 sets the next one), FOR UPDATE SKIP LOCKED so of several instances one reminds.
 */
export async function claimDueRenewals(tx: Tx, now: Date, limit: number): Promise<DueRenewal[]> {
  return tx.$queryRaw<DueRenewal[]>`
    SELECT id, "projectId", "validUntil" FROM "GreenCard"
    WHERE state = 'issued' AND "renewalRemindAt" <= ${now} AND "remindedAt" IS NULL AND "renewalAppliedAt" IS NULL
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}

export async function markRenewalsReminded(tx: Tx, ids: readonly number[], now: Date): Promise<void> {
  await tx.greenCard.updateMany({ where: { id: { in: [...ids] } }, data: { remindedAt: now } });
}
