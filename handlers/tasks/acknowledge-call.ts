// `收到` is what agents answered in the WeChat group when the window @-mentioned them (docs/domain.md
// "What the WeChat group did"). From someone whose unit has exactly one waiting call, it is 报到 for
// that call, and the reply names it; with several it lists them, since guessing would start the wrong
// clock. A bare `好的` or `嗯` takes nothing: it only gets the list of what is waiting.
import type { RegisteredContext } from '../context.js';
import { onlyWaitingTask } from '../../use-cases/take-calls.js';
import { takeCall } from './take-call.js';

/** Acknowledgements as typed in the group: 收到 takes a call, the others only ask what is waiting. */
const TAKES = /^收到了?[。！!.～~]*$/;
const ASKS = /^(好的?|好滴|嗯+|哦|ok|OK|明白了?|知道了)[。！!.～~]*$/;

export function isAcknowledgement(text: string): boolean {
  const typed = text.trim();
  return TAKES.test(typed) || ASKS.test(typed);
}

export async function acknowledgeCall(ctx: RegisteredContext): Promise<void> {
  const typed = ctx.event.type === 'text' ? ctx.event.text.trim() : '';
  const only = TAKES.test(typed) ? await onlyWaitingTask(ctx.tx, ctx.sender.unitId) : undefined;
  // Through 报到 itself, so the take, its locks, notices and reply are the command's own.
  const text = only !== undefined ? `报到 T${only}` : '报到';
  return takeCall({ ...ctx, args: text.slice(2).trim(), event: { ...ctx.event, type: 'text', text } as typeof ctx.event });
}
