// The outTrackId of a card we deliver: `${cardKey}~${outboxId}`. DingTalk returns it with every
// click (卡片回传请求), so a click names its card by itself — no database lookup on the receive
// path — and a retry of the same outbox row reuses the same id instead of creating a second card.
// The id is also kept as the card's handle (CardHandle) for later updates (更新卡片).

const SEPARATOR = '~';

export function encodeCardTrackId(cardKey: string, outboxId: bigint): string {
  return `${cardKey}${SEPARATOR}${outboxId}`;
}

/** The card key, or undefined for an outTrackId we did not make. */
export function decodeCardTrackId(outTrackId: string): string | undefined {
  const at = outTrackId.lastIndexOf(SEPARATOR);
  if (at <= 0 || !/^\d{1,19}$/.test(outTrackId.slice(at + 1))) return undefined;
  const cardKey = outTrackId.slice(0, at);
  return cardKey.length <= 128 ? cardKey : undefined;
}
