// Tells the admins, once each, what `状态` would show as wrong for long: a message still failing after an
// hour (the outbox retries it meanwhile; bot/outbox/record-failure.ts), and no backup for two days where
// the bot takes one nightly (bot/backup/run-nightly-backup.ts). The dedup key names the failing row or
// the last backup, so a new problem is told again and an old one never twice (docs/architecture.md "Metrics").
import type { Db } from '../prisma/open-database.js';
import { enqueueMessage } from '../core/enqueue-message.js';
import { formatShanghai } from '../domain/calendar/shanghai-time.js';
import { findPeople } from '../core/recipients/find-people.js';
import { NIGHTLY_BACKUP_JOB, readHealth } from '../prisma/read-health.js';

export const HEALTH_CYCLE_MS = 5 * 60 * 1000;
const FAILING_FOR_MS = 60 * 60 * 1000;
const BACKUP_STALE_MS = 2 * 24 * 60 * 60 * 1000;

/** Returns the dedup keys (without the admin) of what it told. */
export async function warnHealth(prisma: Db, { now, backupsExpected }: { now: Date; backupsExpected: boolean }): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const health = await readHealth(tx, now);
    const warnings: { key: string; text: string }[] = [];
    if (health.failing && now.getTime() - health.failing.since.getTime() >= FAILING_FOR_MS)
      warnings.push({
        key: `health:outbox-failing:${health.failing.id}`,
        text: `有消息发送失败已超过 1 小时（${formatShanghai(health.failing.since, 'datetime')} 起），仍在重试。发「状态」查看待发和失败的消息。`,
      });
    if (backupsExpected) {
      // With no backup yet, the first night's attempt is the reference: a backup that never once worked is told too.
      const since =
        health.lastBackup?.at ??
        (await tx.scheduleRun.findFirst({ where: { job: NIGHTLY_BACKUP_JOB }, orderBy: { startedAt: 'asc' }, select: { startedAt: true } }))?.startedAt;
      if (since && now.getTime() - since.getTime() >= BACKUP_STALE_MS)
        warnings.push({
          key: `health:backup-stale:${health.lastBackup?.file ?? 'none'}`,
          text: health.lastBackup
            ? `已超过两天没有新的备份（最近一次 ${formatShanghai(health.lastBackup.at, 'datetime')}）。请查看日志和磁盘空间，或运行 npm run backup。`
            : '每晚备份至今没有成功过。请查看日志和磁盘空间，或运行 npm run backup。',
        });
    }
    for (const admin of await findPeople(tx, 'admin'))
      for (const warning of warnings)
        await enqueueMessage(tx, { to: { personId: admin.id }, message: { kind: 'text', text: warning.text }, dedupKey: `${warning.key}:${admin.id}` });
    return warnings.map((warning) => warning.key);
  });
}
