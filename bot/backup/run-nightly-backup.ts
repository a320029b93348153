// The nightly backup of the embedded database (policy `backups.nightlyAt`, Asia/Shanghai), checked each
// minute. Claimed like a schedule occurrence (cron/schedules/run-schedules.ts): the process whose INSERT of
// `backup-nightly:<date>` goes in takes that night's copy, so it runs once however often it is checked.
// The claim commits before the dump: PGlite's dump waits for its one connection, which an open transaction
// would hold. A failed dump is logged and not retried that night; 状态 and the admins' warning show its age.
import type { Db } from '../../prisma/open-database.js';
import type { Policy } from '../../domain/policy.js';
import { NIGHTLY_BACKUP_JOB } from '../../prisma/read-health.js';
import { claimScheduleRun } from '../../prisma/schedule-run-store.js';
import { clockToMs, shanghaiDate, shanghaiTimeOfDayMs } from '../../domain/calendar/shanghai-time.js';
import type { Logger } from '../../core/logger.js';
import { takeBackup, type BackupResult, type BackupSource } from './take-backup.js';

export async function runNightlyBackup(
  prisma: Db,
  source: BackupSource,
  { dir, policy, now, logger }: { dir: string; policy: Policy; now: Date; logger: Logger },
): Promise<BackupResult | null> {
  const { nightlyAt, kept } = policy.backups;
  if (nightlyAt === null || shanghaiTimeOfDayMs(now) < clockToMs(nightlyAt)) return null;
  if (!(await claimScheduleRun(prisma, NIGHTLY_BACKUP_JOB, shanghaiDate(now), now))) return null;
  const result = await takeBackup(prisma, source, { dir, kept, now });
  if (result.ok) logger.info({ file: result.file, bytes: result.bytes, removed: result.removed.length }, 'nightly backup taken');
  else logger.error({ code: result.code, detail: result.detail }, 'nightly backup failed');
  return result;
}
