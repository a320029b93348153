// Tells the admins, once each, what `状态` would show as wrong for long (use-cases/check-health.ts). The
// key names the failing row or the last backup, so a new problem is told again and an old one never twice
// (docs/architecture.md "Metrics").
import type { Db } from '../prisma/open-database.js';
import { formatShanghai } from '../domain/calendar/shanghai-time.js';
import { checkHealth } from '../use-cases/check-health.js';
import { tellAdminsOnce, type AdminWarning } from '../use-cases/tell-admins-once.js';

export const HEALTH_CYCLE_MS = 5 * 60 * 1000;

/** Returns the dedup keys (without the admin) of what it told. */
export async function warnHealth(prisma: Db, options: { now: Date; backupsExpected: boolean }): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const { failing, staleBackup } = await checkHealth(tx, options);
    const warnings: AdminWarning[] = [];
    if (failing)
      warnings.push({
        key: `health:outbox-failing:${failing.id}`,
        text: `有消息发送失败已超过 1 小时（${formatShanghai(failing.since, 'datetime')} 起），仍在重试。发「状态」查看待发和失败的消息。`,
      });
    if (staleBackup)
      warnings.push({
        key: `health:backup-stale:${staleBackup.last?.file ?? 'none'}`,
        text: staleBackup.last
          ? `已超过两天没有新的备份（最近一次 ${formatShanghai(staleBackup.last.at, 'datetime')}）。请查看日志和磁盘空间，或运行 npm run backup。`
          : '每晚备份至今没有成功过。请查看日志和磁盘空间，或运行 npm run backup。',
      });
    await tellAdminsOnce(tx, warnings);
    return warnings.map((warning) => warning.key);
  });
}
