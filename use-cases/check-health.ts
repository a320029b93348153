// What has been wrong for long enough that the admins must hear of it without asking 状态: a message
// still failing after an hour (the outbox retries it meanwhile; bot/outbox/record-failure.ts), and no
// backup for two days where the bot takes one nightly (bot/backup/run-nightly-backup.ts). Coded results;
// cron/warn-health.ts words them.
import type { Tx } from '../prisma/open-database.js';
import { NIGHTLY_BACKUP_JOB, readHealth } from '../prisma/read-health.js';
import { findFirstRunStart } from '../prisma/schedule-run-store.js';

const FAILING_FOR_MS = 60 * 60 * 1000;
const BACKUP_STALE_MS = 2 * 24 * 60 * 60 * 1000;

export interface HealthProblems {
  /** The oldest message failing for an hour or more. */
  failing: { id: bigint; since: Date } | null;
  /** Backups expected and none for two days: the last one, or null when none ever succeeded. */
  staleBackup: { last: { file: string; at: Date } | null } | null;
}

export async function checkHealth(tx: Tx, { now, backupsExpected }: { now: Date; backupsExpected: boolean }): Promise<HealthProblems> {
  const health = await readHealth(tx, now);
  const failing = health.failing && now.getTime() - health.failing.since.getTime() >= FAILING_FOR_MS ? health.failing : null;
  if (!backupsExpected) return { failing, staleBackup: null };
  // With no backup yet, the first night's attempt is the reference: a backup that never once worked is told too.
  const since = health.lastBackup?.at ?? (await findFirstRunStart(tx, NIGHTLY_BACKUP_JOB));
  const stale = since !== null && now.getTime() - since.getTime() >= BACKUP_STALE_MS;
  return { failing, staleBackup: stale ? { last: health.lastBackup } : null };
}
