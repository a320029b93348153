// The append-only Event log's writes from the schedules (docs/architecture.md "Storage and migrations": a
// trigger refuses UPDATE and DELETE, so appending is the one statement there is).
import type { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './open-database.js';

export type NewEvent = Prisma.EventCreateManyInput;

/** Appends the events in one statement. */
export async function recordEvents(tx: Tx, events: readonly NewEvent[]): Promise<void> {
  if (events.length > 0) await tx.event.createMany({ data: [...events] });
}
