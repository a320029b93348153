// The key of a task-card button: the action and the task it acts on, e.g. `take:12`. WeCom sends
// it back as the EventKey of a template_card_event, so a click names its task by itself
// (the card's task_id must be unique per send, so it cannot carry the task alone).
import { cardActions, type CardAction } from '../incoming-event.js';

export function encodeCardButtonKey(action: CardAction, taskId: number): string {
  return `${action}:${taskId}`;
}

export function decodeCardButtonKey(key: string): { action: CardAction; taskId: number } | undefined {
  const match = /^([a-z]+):([1-9]\d{0,9})$/.exec(key);
  if (!match) return undefined;
  const action = cardActions.find((candidate) => candidate === match[1]);
  const taskId = Number(match[2]);
  return action && Number.isSafeInteger(taskId) && taskId <= 2_147_483_647 ? { action, taskId } : undefined;
}
