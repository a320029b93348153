// Marks a batch's handled events processed (bot/app.ts processBatch), in the batch's transaction:
// one plain UPDATE, which skips the query compiler a Prisma model query costs on every batch
// (docs/architecture.md "Record once").
import { Prisma } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';

export async function markProcessed(tx: Tx, ids: readonly bigint[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE "Inbound" SET "processedAt" = ${now} WHERE id IN (${Prisma.join(ids)})`;
}
