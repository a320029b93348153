// 同步通讯录: match the roster to the directory of the platform the admin writes from. The reading
// happens after this transaction commits (a job); the summary follows as a separate message.
import type { RegisteredContext } from '../context.js';

export async function syncDirectory(ctx: RegisteredContext): Promise<void> {
  if (!ctx.requestDirectorySync)
    return ctx.reply(`${ctx.platforms.nameOf(ctx.event.platform)}没有可同步的通讯录：请在${ctx.platforms.withDirectory.join('或')}中发送「同步通讯录」。`);
  await ctx.requestDirectorySync();
  await ctx.reply(`正在同步${ctx.platforms.nameOf(ctx.event.platform)}通讯录，完成后把结果发给你。`);
}
