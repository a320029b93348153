// 帮助: the commands the sender's role may use, one line each: an example to copy, then what it does.
import type { Command, RegisteredContext } from './context.js';
import { mayUse } from './may-use.js';

export async function help(ctx: RegisteredContext, commands: readonly Command[]): Promise<void> {
  const usable = commands.filter((command) => mayUse(command, ctx.sender));
  const lines = usable.map((command) => `· ${command.example} — ${command.summary}`);
  await ctx.reply([`${ctx.sender.name}，你可以使用这些命令：`, ...lines].join('\n'));
}
