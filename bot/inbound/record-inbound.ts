// Records an incoming event once (bot/app.ts receive), keyed by its sender: the insert is
// prisma/inbound-store.ts insertInbound, on every callback the only database work before the answer.
// The platform's retry of an event already recorded adds no row.
import type { Db } from '../../prisma/open-database.js';
import type { IncomingEvent } from '../../core/messages.js';
import { insertInbound } from '../../prisma/inbound-store.js';
import { senderKey } from './find-senders.js';

/** False when the event was recorded before. */
export async function recordInbound(prisma: Db, event: IncomingEvent): Promise<boolean> {
  return insertInbound(prisma, { platform: event.platform, dedupKey: event.dedupKey, senderKey: senderKey(event), event });
}
