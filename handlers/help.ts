// 帮助: the commands the sender's role may use, with one example each.
import type { Command, RegisteredContext } from './context.js';
import { mayUse } from './may-use.js';

export async function help(ctx: RegisteredContext, commands: readonly Command[]): Promise<void> {
  const usable = commands.filter((command) => mayUse(command, ctx.sender));
  const lines = usable.map((command) => `· ${command.word} — ${command.summary}\n  例：${command.example}`);
  await ctx.reply([`${ctx.sender.name}，你可以使用这些命令：`, ...lines].join('\n'));
}
