// Claims the next incoming event to process, keeping one sender's events in arrival order across
// instances: a row is eligible only when no earlier row of the same sender is still unprocessed,
// so while one instance holds (locks) a sender's row, the others skip that sender entirely.
import type { Tx } from '../../prisma/open-database.js';

export async function claimNextInbound(tx: Tx): Promise<{ id: bigint; event: unknown } | null> {
  const rows = await tx.$queryRaw<{ id: bigint; event: unknown }[]>`
    SELECT id, event FROM "Inbound" AS i
    WHERE "processedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Inbound" AS earlier
        WHERE earlier."senderKey" = i."senderKey" AND earlier."processedAt" IS NULL AND earlier.id < i.id)
    ORDER BY id
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return rows[0] ?? null;
}
