// The task a task command names: the card click's (a call card's buttons act on its only item; an old card
// names its task), or the first word after the command (T12 or 12). Finding, locking and checking it is the
// use case's (use-cases/load-own-task.ts).
import type { RegisteredContext } from '../context.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { firstTaskOfCall } from '../../use-cases/load-own-task.js';
import { cardTargetOf } from './call-card-key.js';

export async function taskIdOf(ctx: RegisteredContext, firstArg: string | undefined): Promise<number | undefined> {
  if (ctx.event.type !== 'card_action') return firstArg === undefined ? undefined : parseNumberRef(firstArg, 'T');
  const target = cardTargetOf(ctx.event.cardKey);
  if (target?.kind !== 'call') return target?.id;
  return firstTaskOfCall(ctx.tx, target.id);
}
