// 帮助: the commands the sender's role may use, one line each: an example to copy, then what it does.
import type { Command, RegisteredContext } from './context.js';
import { mayUse } from './may-use.js';

export async function help(ctx: RegisteredContext, commands: readonly Command[]): Promise<void> {
  // Not 帮助 itself, and 绑定 only for enterprise contacts: the list must fit one message (WeCom: 2,048 bytes).
  const usable = commands.filter(
    (command) =>
      mayUse(command, ctx.sender) &&
      (command.enabled?.(ctx.policy) ?? true) &&
      command.word !== '帮助' &&
      (command.roles !== 'anyone' || ctx.sender.roles.includes('enterprise')),
  );
  const lines = usable.map((command) => `· ${command.example} — ${command.summary}`);
  await ctx.reply([`${ctx.sender.name}，你可以使用这些命令：`, ...lines].join('\n'));
}
