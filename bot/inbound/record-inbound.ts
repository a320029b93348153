// Records incoming events once (bot/app.ts receive), keyed by their sender, on every callback the
// only database work before the answer. Callbacks that arrive together share one multi-row INSERT
// (prisma/inbound-store.ts insertInboundRows), a small group commit: the first callback of a round
// schedules the write for after the callbacks already on the event loop have queued theirs
// (setImmediate), and while a write runs the next round queues. Each callback's promise settles only
// when the statement holding its row has committed or failed, so nothing is acknowledged that is not
// stored, and a failed statement fails every callback in it (the platform retries them). A multi-row
// INSERT costs far less CPU per row than single rows (BENCHMARKS.md "End to end and its floors").
// The platform's retry of an event already recorded adds no row.
import type { Db } from '../../prisma/open-database.js';
import type { IncomingEvent } from '../../core/messages.js';
import { insertInboundRows, type NewInboundRow } from '../../prisma/inbound-store.js';
import { senderKey } from './find-senders.js';

interface Waiter {
  row: NewInboundRow;
  settle(recorded: boolean): void;
  fail(error: unknown): void;
}

/** Returns the recorder: each call resolves false when the event was recorded before. */
export function recordInbound(prisma: Db): (event: IncomingEvent) => Promise<boolean> {
  let queued: Waiter[] = [];
  let scheduled = false;
  let writing: Promise<void> = Promise.resolve();

  const write = async (): Promise<void> => {
    scheduled = false;
    const round = queued;
    queued = [];
    try {
      const recorded = await insertInboundRows(
        prisma,
        round.map((waiter) => waiter.row),
      );
      round.forEach((waiter, index) => waiter.settle(recorded[index]!));
    } catch (error) {
      for (const waiter of round) waiter.fail(error);
    }
  };

  return (event) =>
    new Promise<boolean>((settle, fail) => {
      queued.push({ row: { platform: event.platform, dedupKey: event.dedupKey, senderKey: senderKey(event), event }, settle, fail });
      if (scheduled) return;
      scheduled = true;
      // After the write under way: the callbacks that arrive meanwhile go in the next one.
      setImmediate(() => (writing = writing.then(write)));
    });
}
