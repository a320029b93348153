// Claims up to `limit` incoming events to process in one transaction, at most one per sender,
// keeping one sender's events in arrival order across instances: a row is eligible only when no
// earlier row of the same sender is still unprocessed, so while one instance holds (locks) a
// sender's row, the others skip that sender entirely, and one claim never takes two rows of a sender.
import type { Tx } from '../../prisma/open-database.js';

/** A claimed event; `tries`: its careful runs that never committed (process-batch.ts). */
export interface InboundRow {
  id: bigint;
  event: unknown;
  tries: number;
}

export async function claimInboundBatch(tx: Tx, limit: number): Promise<InboundRow[]> {
  return tx.$queryRaw<InboundRow[]>`
    SELECT id, event, tries FROM "Inbound" AS i
    WHERE "processedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Inbound" AS earlier
        WHERE earlier."senderKey" = i."senderKey" AND earlier."processedAt" IS NULL AND earlier.id < i.id)
    ORDER BY id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}
