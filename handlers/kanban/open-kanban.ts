// 看板: a link to the leaders' web pages (issue 19). In WeCom or DingTalk the link opens through the
// app's own sign-in (网页授权, 免登); elsewhere (the local chat, or a platform without it configured)
// it carries a one-time token: 5 minutes, single use (prisma/web-login-tokens.ts). The link is on the
// second line: the local chat logs only a message's first line, and a token never reaches a log.
import type { RegisteredContext } from '../context.js';
import { issueLoginToken } from '../../prisma/web-login-tokens.js';

export async function openKanban(ctx: RegisteredContext): Promise<void> {
  const kanban = ctx.kanban;
  if (!kanban) return ctx.reply('看板暂未开通。请联系管理员设置 PUBLIC_URL。');
  if (kanban.signInPath) return ctx.reply(`点开进入看板：\n${kanban.baseUrl}${kanban.signInPath}`);
  const token = await issueLoginToken(ctx.tx, ctx.sender.id, ctx.now);
  await ctx.reply(`点开进入看板（链接 5 分钟内有效，只能用一次）：\n${kanban.baseUrl}/kanban/login?token=${token}`);
}
