// Locks the events a careful run counted a try on (process-batch.ts), those still unprocessed and
// not held by another instance. Each was its sender's oldest unprocessed event when counted and
// stays so until it is processed, so one sender's events keep their order.
import { Prisma } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import type { InboundRow } from './claim-inbound-batch.js';

export async function lockInboundRows(tx: Tx, ids: readonly bigint[]): Promise<InboundRow[]> {
  return tx.$queryRaw<InboundRow[]>`
    SELECT id, event, tries FROM "Inbound"
    WHERE id IN (${Prisma.join(ids)}) AND "processedAt" IS NULL
    ORDER BY id
    FOR UPDATE SKIP LOCKED`;
}
