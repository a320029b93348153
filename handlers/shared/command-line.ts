// The parsed text of the message being handled; card clicks have no text.
import type { HandlerContext } from '../context.js';
import { parseCommandLine, type CommandLine } from '../../domain/commands/parse-command-line.js';

export function commandLine(ctx: HandlerContext): CommandLine {
  return parseCommandLine(ctx.event.type === 'text' ? ctx.event.text : '');
}
