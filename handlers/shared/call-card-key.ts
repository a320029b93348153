// A call card's key (core/messages.ts Card.key): names the call, so a click on any copy of the
// card, on any platform, however old, finds it. Cards sent before calls existed name their task
// (`task:12`); each such task has a call of its own, and their clicks keep working.
export type CardTarget = { kind: 'call'; id: number } | { kind: 'task'; id: number };

export function callCardKey(callId: number): string {
  return `call:${callId}`;
}

export function cardTargetOf(key: string): CardTarget | undefined {
  const match = /^(call|task):([1-9]\d{0,9})$/.exec(key);
  const id = match ? Number(match[2]) : NaN;
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? { kind: match![1] as 'call' | 'task', id } : undefined;
}
