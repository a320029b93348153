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

/** The latest occurrences claimed (newest first), the backups' rows aside: what the schedule has already run. */
export async function listRecentRuns(tx: Tx | Db, exceptJobs: readonly string[], take: number): Promise<{ job: string; slot: string }[]> {
  return tx.scheduleRun.findMany({ where: { job: { notIn: [...exceptJobs] } }, select: { job: true, slot: true }, orderBy: { id: 'desc' }, take });
}

/** The slot of `job`'s last finished run before `slot`, or null. */
export async function findPreviousFinishedSlot(tx: Tx, job: string, slot: string): Promise<string | null> {
  const [previous] = await tx.$queryRaw<{ slot: string | null }[]>`
    SELECT max(slot) AS slot FROM "ScheduleRun" WHERE job = ${job} AND slot < ${slot} AND "finishedAt" IS NOT NULL`;
  return previous?.slot ?? null;
}

/** Marks the occurrence `(job, slot)` finished at `now`. */
export async function finishScheduleRun(tx: Tx, job: string, slot: string, now: Date): Promise<void> {
  await tx.scheduleRun.update({ where: { job_slot: { job, slot } }, data: { finishedAt: now } });
}
