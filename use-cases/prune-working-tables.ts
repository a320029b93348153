// Keeps Inbound and Outbox from growing for ever (docs/architecture.md "Retention"). The Event log
// is the record and is never pruned; these two tables are working queues:
// - Inbound rows processed (or set aside) more than `retentionDays.inbound` days ago. A row is
//   what makes a callback's redelivery a duplicate, so the setting is at least a day: far beyond
//   WeCom's retries (回调配置: three retries within seconds) and the one-hour timestamp window in
//   which a replayed callback is accepted at all (bot/wecom/check-timestamp.ts).
// - Outbox rows finished (sent, failed and already reported to the admins, bundled, split) more
//   than `retentionDays.outbox` days ago; rows with a dedup key stay DEDUP_KEEP_DAYS, since the key
//   is what sends "once" notices once (the calendar warning is once a year). Pending and in-flight
//   rows are never touched, nor what went to an enterprise contact: 一事一档 shows those deliveries
//   for as long as the archive is kept (docs/domain.md "一事一档").
// - DingTalk HTTP-mode sign pairs (bot/dingtalk/claim-callback-sign.ts) once no request could
//   carry them: `signsKeptMs` after the pair was first seen. The wiring passes it (two hours: a
//   timestamp is accepted up to an hour either side of the clock), since cron/ imports no platform.
// - Stored outgoing files (a 台账, a chart: prisma/outbox-file-store.ts) once no Outbox row names them,
//   so a file goes with its last reader's row; one a day old at least, in case a row is being queued.
// Several instances may run it at once: each batch claims its rows FOR UPDATE SKIP LOCKED. The hourly
// beat is cron/prune-old-rows.ts.
import type { Db } from '../prisma/open-database.js';
import { deleteProcessedInbound } from '../prisma/inbound-store.js';
import { deleteFinishedOutboxRows } from '../prisma/outbox-store.js';
import { deleteUnreferencedOutboxFiles } from '../prisma/outbox-file-store.js';
import { deleteOldCallbackSigns } from '../prisma/callback-sign-store.js';
import type { Policy } from '../domain/policy.js';

const DEDUP_KEEP_DAYS = 400;
const BATCH = 5000;
const DAY_MS = 86_400_000;

export interface PruneOptions {
  now: Date;
  policy: Policy;
  /** How long a DingTalk sign pair is kept: no request can carry it after that. */
  signsKeptMs: number;
}

/** Deletes what is past retention; returns how many rows of each table went. */
export async function pruneWorkingTables(
  prisma: Db,
  { now, policy, signsKeptMs }: PruneOptions,
): Promise<{ inbound: number; outbox: number; signs: number; files: number }> {
  // Instants pass as Date values, as every statement on these tables does (prisma/outbox-store.ts).
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const inboundBefore = before(policy.retentionDays.inbound);
  const outboxBefore = before(policy.retentionDays.outbox);
  const dedupBefore = before(Math.max(policy.retentionDays.outbox, DEDUP_KEEP_DAYS));
  const inbound = await inBatches(() => deleteProcessedInbound(prisma, { before: inboundBefore, batch: BATCH }));
  const outbox = await inBatches(() => deleteFinishedOutboxRows(prisma, { before: outboxBefore, dedupBefore, batch: BATCH }));
  const files = await inBatches(() => deleteUnreferencedOutboxFiles(prisma, { before: before(1), batch: BATCH }));
  const signsBefore = new Date(now.getTime() - signsKeptMs);
  const signs = await inBatches(() => deleteOldCallbackSigns(prisma, { before: signsBefore, batch: BATCH }));
  return { inbound, outbox, signs, files };
}

async function inBatches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
