// A task card's key (bot/messages.ts Card.key): names the task, so a click on any copy of the
// card, on any platform, however old, finds it.
export function taskCardKey(taskId: number): string {
  return `task:${taskId}`;
}

export function taskIdFromCardKey(key: string): number | undefined {
  const match = /^task:([1-9]\d{0,9})$/.exec(key);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : undefined;
}
