// Records an incoming event once (bot/app.ts receive): one plain INSERT, as on every callback it
// is the only database work before the answer, and a Prisma model query costs its query compiler
// more than the insert itself (docs/architecture.md "Record once"). ON CONFLICT DO NOTHING on
// (platform, dedupKey): the platform's retry of an event already recorded adds no row.
import type { Db } from '../../prisma/open-database.js';
import type { IncomingEvent } from '../../core/messages.js';
import { senderKey } from './find-senders.js';

/** False when the event was recorded before. */
export async function recordInbound(prisma: Db, event: IncomingEvent): Promise<boolean> {
  const inserted = await prisma.$executeRaw`
    INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event)
    VALUES (${event.platform}, ${event.dedupKey}, ${senderKey(event)}, ${JSON.stringify(event)}::jsonb)
    ON CONFLICT DO NOTHING`;
  return inserted > 0;
}
