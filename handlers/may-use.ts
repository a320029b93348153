// Whether a sender may use a command: the one place role checks for commands are decided.
import type { Command, Sender } from './context.js';

export function mayUse(command: Pick<Command, 'roles'>, sender: Sender | null): boolean {
  if (command.roles === 'anyone') return true;
  if (!sender) return false;
  if (command.roles === 'registered') return true;
  return command.roles.some((role) => sender.roles.includes(role));
}
