// Routes one incoming event to its handler after the role check, and answers the expected
// refusals (unknown sender, unknown command, not allowed, a message too long or with control
// characters) in one Chinese sentence each. What the sender typed is quoted back only as a short
// prefix: an answer never repeats 10,000 characters (docs/architecture.md "Hostile input").
import type { HandlerContext } from './context.js';
import { cardActionHandlers, commands, ledgerImporters } from './index.js';
import { previewImport } from './import/preview-import.js';
import { mayUse } from './may-use.js';
import { matchCommandWord } from '../domain/commands/match-command-word.js';
import { hasRole, isEnterpriseOnly } from '../domain/access/project-access.js';
import { roleNames, type Role } from '../domain/roles.js';
import { acknowledgeCall, isAcknowledgement } from './tasks/acknowledge-call.js';

export async function dispatch(ctx: HandlerContext): Promise<void> {
  const { event, sender } = ctx;
  if (event.type === 'text') {
    const unreadable = refuseUnreadable(event.text);
    if (unreadable) return ctx.reply(unreadable);
    // `报到T4` needs no space; the handlers read the text with the word set apart.
    const found = matchCommandWord(
      event.text,
      commands.map((candidate) => candidate.word),
    );
    const command = found.ok ? commands.find((candidate) => candidate.word === found.word) : undefined;
    const word = found.ok ? found.word : found.typed;
    const args = found.ok ? found.rest : '';
    const spaced = found.ok ? { ...ctx, args, event: { ...event, text: `${found.word} ${found.rest}` } } : ctx;
    if (command?.enabled && !command.enabled(ctx.policy)) return ctx.reply(`本县未启用「${word}」。发送「帮助」查看你能用的命令。`);
    if (command?.roles === 'anyone') return command.run(spaced);
    if (!sender) return replyNotRegistered(ctx);
    if (command && mayUse(command, sender)) return command.run({ ...spaced, sender });
    if (!command && hasRole(sender, 'agent', 'unit_leader') && isAcknowledgement(event.text)) return acknowledgeCall({ ...ctx, sender });
    // The word alone when nothing followed it: an example's T34 or P12 may not exist.
    if (!found.ok && found.code === 'SUGGEST')
      return ctx.reply(`你是不是要「${found.word}」？发送「${quoteTyped(`${found.word} ${found.rest}`.trim(), SUGGESTED_CHARS)}」。`);
    // An enterprise asks in its own words (我们的项目办到哪一步了？); 进度 is what answers that.
    if (!command && isEnterpriseOnly(sender)) return ctx.reply('查看项目办到哪一步，请发送「进度」。其他命令请发送「帮助」查看。');
    if (!command) return ctx.reply(`没有「${quoteTyped(word, UNKNOWN_WORD_CHARS)}」这个命令。发送「帮助」查看你能用的命令。`);
    const allowed = (command.roles as readonly Role[]).map((role) => roleNames[role]).join('、');
    return ctx.reply(`「${word}」只有${allowed}可以使用。发送「帮助」查看你能用的命令。`);
  }
  if (!sender) return replyNotRegistered(ctx);
  const registered = { ...ctx, sender };
  switch (event.type) {
    case 'card_action': {
      const handler = cardActionHandlers[event.buttonId];
      return handler ? handler(registered) : ctx.reply('这个按钮暂时不能使用。');
    }
    case 'enter':
      return ctx.reply(`${sender.name}，你好。我是项目管家，发送「帮助」查看你能用的命令。`);
    case 'file':
      if (!hasRole(sender, ...ledgerImporters))
        return ctx.reply(`只有${ledgerImporters.map((role) => roleNames[role]).join('、')}可以发送文件导入台账。其他事项请发送文字命令，例如「帮助」。`);
      return previewImport(registered);
    case 'unsupported':
      return ctx.reply('暂不支持这类消息，请发送文字命令，例如「帮助」。');
  }
}

/** Unknown people learn whom to ask, and nothing about any project. */
async function replyNotRegistered(ctx: HandlerContext): Promise<void> {
  const admins = await ctx.tx.person.findMany({ where: { active: true, roles: { has: 'admin' } }, select: { name: true }, take: 3 });
  const whom = admins.length > 0 ? `管理员${admins.map((admin) => admin.name).join('、')}` : '管理员';
  await ctx.reply(`你还不在项目管家的名册中，请联系${whom}登记；企业联络员请发送「绑定 绑定码」。`);
}

/** Longest message a command takes: 登记项目 with every field at its limit is under 1,000 characters, a year of
 * holidays as chinese-days JSON (日历 导入) about 3,000. */
const MAX_MESSAGE_CHARS = 5000;
/** How much of an unknown command word is quoted back, and of a suggested command (enough for a whole usual one). */
const UNKNOWN_WORD_CHARS = 10;
const SUGGESTED_CHARS = 100;
// The bidirectional overrides and isolates, which make a name read backwards in the chat (Unicode TR#9).
// Control characters never get here: app.receive strips them from text on every platform
// (bot/inbound/sanitize-incoming-event.ts), as WeCom does itself.
const DIRECTION = /[\u202A-\u202E\u2066-\u2069]/;

/** The refusal for a message no command can take, if it is one. */
function refuseUnreadable(text: string): string | undefined {
  if (DIRECTION.test(text)) return '消息里有不可见的文字方向符号，请删去后重新发送。';
  if ([...text].length > MAX_MESSAGE_CHARS) return `消息太长（最多 ${MAX_MESSAGE_CHARS} 字），请分几条发送。`;
  return undefined;
}

/** At most `max` characters of what the sender typed. */
function quoteTyped(typed: string, max: number): string {
  const chars = [...typed];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : typed;
}
