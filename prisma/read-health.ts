// What `/metrics` and `状态` read from the database at the moment they are asked, so every instance
// reports the same numbers (docs/architecture.md "Metrics"): the outbox by platform and state, the oldest
// event not yet processed, the oldest message still failing, and the last backup.
import type { Db, Tx } from './open-database.js';

/** The ScheduleRun job each finished backup is recorded under (bot/backup/take-backup.ts). */
export const BACKUP_JOB = 'backup';
/** The ScheduleRun job that claims each night's backup (bot/backup/run-nightly-backup.ts). */
export const NIGHTLY_BACKUP_JOB = 'backup-nightly';

export interface Health {
  /** Rows waiting (pending or being sent) and set aside as failed, per platform (`-` before one is chosen). */
  outbox: { platform: string; pending: number; failed: number }[];
  /** Seconds the oldest unprocessed incoming event has waited; 0 when none waits. */
  inboundLagSeconds: number;
  /** The oldest message still to be sent whose last try failed, or null. */
  failing: { id: bigint; since: Date } | null;
  /** The last backup's file name and when it finished (bot/backup/take-backup.ts), or null if none was ever taken. */
  lastBackup: { file: string; at: Date } | null;
}

export async function readHealth(db: Db | Tx, now: Date): Promise<Health> {
  const outbox = await db.$queryRaw<{ platform: string; pending: number; failed: number }[]>`
    SELECT coalesce(platform, '-') AS platform,
      count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending,
      count(*) FILTER (WHERE status = 'failed')::int AS failed
    FROM "Outbox" WHERE status IN ('pending', 'sending', 'failed') GROUP BY 1 ORDER BY 1`;
  const [inbound] = await db.$queryRaw<{ oldest: Date | null }[]>`
    SELECT min("receivedAt") AS oldest FROM "Inbound" WHERE "processedAt" IS NULL AND "failedAt" IS NULL`;
  const [failing] = await db.$queryRaw<{ id: bigint; since: Date }[]>`
    SELECT id, "createdAt" AS since FROM "Outbox" WHERE status IN ('pending', 'sending') AND "lastError" IS NOT NULL
    ORDER BY "createdAt", id LIMIT 1`;
  const [backup] = await db.$queryRaw<{ file: string; at: Date }[]>`
    SELECT slot AS file, "finishedAt" AS at FROM "ScheduleRun" WHERE job = ${BACKUP_JOB} AND "finishedAt" IS NOT NULL ORDER BY "finishedAt" DESC LIMIT 1`;
  const oldest = inbound?.oldest ?? null;
  return {
    outbox,
    // Whole seconds, never negative: the row's time is the database's, `now` the bot's clock.
    inboundLagSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : 0,
    failing: failing ?? null,
    lastBackup: backup ?? null,
  };
}
