// Statements on ScheduleRun, the table where each schedule occurrence and each backup is claimed and
// recorded. Instants pass as Date values.
import type { Db, Tx } from './open-database.js';

/** When `job` first ran (its first night's attempt for the nightly backup), or null if it never has. */
export async function findFirstRunStart(tx: Tx, job: string): Promise<Date | null> {
  const first = await tx.scheduleRun.findFirst({ where: { job }, orderBy: { startedAt: 'asc' }, select: { startedAt: true } });
  return first?.startedAt ?? null;
}

/** Claims one occurrence `(job, slot)`: true for the one instance whose row went in (the unique key decides). */
export async function claimScheduleRun(tx: Tx | Db, job: string, slot: string, now: Date): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "ScheduleRun" (job, slot, "startedAt") VALUES (${job}, ${slot}, ${now})
    ON CONFLICT (job, slot) DO NOTHING`;
  return inserted === 1;
}
