// 状态: how the bot is running, in a few lines for the admin — the same database readings `/metrics`
// serves (prisma/read-health.ts), so both agree whichever instance answers (docs/architecture.md "Metrics").
import { formatDuration } from '../../domain/calendar/format-duration.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { readHealth } from '../../prisma/read-health.js';
import type { RegisteredContext } from '../context.js';

export async function showStatus(ctx: RegisteredContext): Promise<void> {
  const health = await readHealth(ctx.tx, ctx.now);
  // An outbox row whose platform is not chosen yet reads `-` (prisma/read-health.ts).
  const name = (platform: string): string => (platform === '-' ? '未定平台' : ctx.platforms.nameOf(platform));
  const queued = health.outbox.filter((row) => row.pending > 0 || row.failed > 0);
  const lines = [
    `运行状态（${formatShanghai(ctx.now, 'datetime')}）`,
    queued.length === 0
      ? '待发消息：0 条，发送失败：0 条'
      : queued.map((row) => `${name(row.platform)}：待发 ${row.pending} 条，发送失败 ${row.failed} 条`).join('\n'),
    health.failing
      ? `仍在重试的消息：最早一条自 ${formatShanghai(health.failing.since, 'datetime')} 起发送失败（${formatDuration(ctx.now.getTime() - health.failing.since.getTime())}）`
      : '仍在重试的消息：无',
    `待处理的来信：最早一条已等 ${health.inboundLagSeconds} 秒`,
    health.lastBackup
      ? `最近备份：${formatShanghai(health.lastBackup.at, 'datetime')}（${formatDuration(ctx.now.getTime() - health.lastBackup.at.getTime())}前），${health.lastBackup.file}`
      : '最近备份：还没有备份，运行 npm run backup 备份一次',
  ];
  await ctx.reply(lines.join('\n'));
}
