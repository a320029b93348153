// Records each incoming event once (bot/app.ts receive) before its callback is answered. The
// callbacks that arrive while an insert runs wait and go together in the next one (group commit):
// on PGlite every statement queues on its one connection, often behind a batch's transaction, so
// eight callbacks in flight cost one insert, not eight (docs/architecture.md "Record once"). Plain SQL,
// as a Prisma model query costs its query compiler more than the insert itself. ON CONFLICT DO
// NOTHING on (platform, dedupKey): a platform's retry of an event recorded before adds no row;
// RETURNING tells which rows are new, so each caller learns whether its event was.
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../prisma/open-database.js';
import type { IncomingEvent } from '../messages.js';
import { senderKey } from './find-senders.js';

/** Resolves false when the event was recorded before; rejects when the insert failed (nothing of it was recorded). */
export type RecordInbound = (event: IncomingEvent) => Promise<boolean>;

/** Rows per INSERT: four parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;

interface Waiting {
  event: IncomingEvent;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

const keyOf = (row: { platform: string; dedupKey: string }): string => `${row.platform}\n${row.dedupKey}`;

export function createInboundRecorder(prisma: Db): RecordInbound {
  let waiting: Waiting[] = [];
  let inserting = false;

  async function insertWaiting(): Promise<void> {
    inserting = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, ROWS_PER_INSERT);
      waiting = waiting.slice(ROWS_PER_INSERT);
      try {
        // The same event twice in one batch (a quick retry) is inserted once and counts once.
        const events = [...new Map(batch.map(({ event }) => [keyOf(event), event])).values()];
        const values = events.map((event) => Prisma.sql`(${event.platform}, ${event.dedupKey}, ${senderKey(event)}, ${JSON.stringify(event)}::jsonb)`);
        const rows = await prisma.$queryRaw<{ platform: string; dedupKey: string }[]>`
          INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event)
          VALUES ${Prisma.join(values)}
          ON CONFLICT DO NOTHING
          RETURNING platform, "dedupKey"`;
        const fresh = new Set(rows.map((row) => keyOf(row)));
        for (const { event, resolve } of batch) resolve(fresh.delete(keyOf(event)));
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    inserting = false;
  }

  return (event) =>
    new Promise((resolve, reject) => {
      waiting.push({ event, resolve, reject });
      if (!inserting) void insertWaiting();
    });
}
