// 同步通讯录: match the roster to the platform directory (admin only). The reading happens after
// this transaction commits; the summary follows as a separate message.
import type { DirectorySummary } from '../../bot/wecom/sync-directory.js';
import type { RegisteredContext } from '../context.js';

export async function syncDirectory(ctx: RegisteredContext): Promise<void> {
  if (!ctx.requestDirectorySync) return ctx.reply('未接入企业微信，没有可同步的通讯录。');
  ctx.requestDirectorySync();
  await ctx.reply('正在同步企业微信通讯录，完成后把结果发给你。');
}

export function formatDirectorySummary(summary: DirectorySummary): string {
  const lines = [
    `通讯录同步完成：企业微信 ${summary.departments} 个部门、${summary.wecomPeople} 人；名册中 ${summary.matched} 人已对应。`,
    ...summary.linked.map((link) => `· ${link.name} 按手机号对应到企业微信账号 ${link.to}（原 ${link.from}）`),
  ];
  if (summary.missing.length > 0) lines.push(`企业微信中找不到：${summary.missing.join('、')}，请核对名册中的账号或手机号。`);
  if (summary.notInRoster > 0) lines.push(`另有 ${summary.notInRoster} 人在企业微信中但不在名册里。`);
  return lines.join('\n');
}
