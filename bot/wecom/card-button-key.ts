// The key of a WeCom card button: the button id and the neutral card key, e.g. `take|call:12`.
// WeCom sends it back as the EventKey of a template_card_event, so a click names its card by
// itself (a card's task_id must be unique per send, so it cannot carry the card alone).
const SEPARATOR = '|';

export function encodeCardButtonKey(buttonId: string, cardKey: string): string {
  return `${buttonId}${SEPARATOR}${cardKey}`;
}

export function decodeCardButtonKey(key: string): { buttonId: string; cardKey: string } | undefined {
  // Cards sent before card keys existed name their action and task, `take:12`; they keep working.
  const legacy = /^(take|finish|return):([1-9]\d{0,9})$/.exec(key);
  if (legacy) return { buttonId: legacy[1]!, cardKey: `task:${legacy[2]}` };
  const at = key.indexOf(SEPARATOR);
  if (at <= 0 || at === key.length - 1) return undefined;
  return { buttonId: key.slice(0, at), cardKey: key.slice(at + 1) };
}
