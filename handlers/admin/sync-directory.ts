// 同步通讯录: match the roster to the directory of the platform the admin writes from. The reading
// happens after this transaction commits (a job); the summary follows as a separate message.
import { platformNames } from '../../domain/platform-names.js';
import type { RegisteredContext } from '../context.js';

export async function syncDirectory(ctx: RegisteredContext): Promise<void> {
  if (!ctx.requestDirectorySync) return ctx.reply('这个平台没有可同步的通讯录：请在企业微信或钉钉中发送「同步通讯录」。');
  await ctx.requestDirectorySync();
  await ctx.reply(`正在同步${platformNames[ctx.event.platform]}通讯录，完成后把结果发给你。`);
}
