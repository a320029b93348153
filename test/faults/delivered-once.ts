// Reads what the fake WeCom delivered the way a person would: the numbered test messages and the
// report-to-window notices, each counted once per time it was shown, bundled or not.
import type { Delivered } from './fake-wecom-server.js';

/** Bundled notices are joined by a blank line (bot/outbox/bundle-notices.ts). */
const parts = (delivered: readonly Delivered[], to?: string) =>
  delivered.filter((item) => to === undefined || item.to === to).flatMap((item) => item.text.split('\n\n'));

/** How often each `故障演练消息 #n` was shown. */
export function messagesShown(delivered: readonly Delivered[]): Map<number, number> {
  return tally(parts(delivered), /^故障演练消息 #(\d+)$/);
}

/**
 * How often `to` was told of each task T<n> by an escalation step (the window: step 1; 重点项目办: step 2): in the
 * call's own sentence, or in its line of a notice listing several calls (domain/escalation/build-escalation-notices.ts),
 * which a long notice's later parts carry without the heading.
 */
export function escalationsShown(delivered: readonly Delivered[], to = 'window'): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of parts(delivered, to).flatMap((part) => part.split('\n'))) {
    if (!/^(提醒：|督办：)?\S*?的?任务 T\d+ .*报到。$/.test(line) && !/^· P\d+ .*：T\d+ .*派单）$/.test(line)) continue;
    for (const [, n] of line.matchAll(/T(\d+) /g)) counts.set(Number(n), (counts.get(Number(n)) ?? 0) + 1);
  }
  return counts;
}

function tally(texts: string[], pattern: RegExp): Map<number, number> {
  const counts = new Map<number, number>();
  for (const text of texts) {
    const found = pattern.exec(text);
    if (found) counts.set(Number(found[1]), (counts.get(Number(found[1])) ?? 0) + 1);
  }
  return counts;
}

/** The numbers shown other than exactly once, e.g. `T12×2`, `#7×0`. */
export function notOnce(counts: Map<number, number>, expected: readonly number[], prefix: string): string[] {
  return expected.filter((n) => counts.get(n) !== 1).map((n) => `${prefix}${n}×${counts.get(n) ?? 0}`);
}
