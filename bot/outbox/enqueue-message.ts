// Writes an outgoing message to the outbox. Call it with the transaction client of the change
// that causes the message, so the change and its messages commit or roll back together.
import type { Tx } from '../../prisma/open-database.js';
import type { OutgoingMessage } from '../outgoing-message.js';

export interface Enqueue {
  recipient: string;
  message: OutgoingMessage;
  toChat?: boolean;
  taskId?: number;
  /** Queue this notice at most once, ever (e.g. "tell the admin once"). */
  dedupKey?: string;
}

const DUE_AT_ONCE = new Date(0);

export async function enqueueMessage(tx: Tx, item: Enqueue): Promise<void> {
  const data = {
    recipient: item.recipient,
    toChat: item.toChat ?? false,
    kind: item.message.kind,
    payload: item.message as object,
    taskId: item.taskId ?? null,
    dedupKey: item.dedupKey ?? null,
    // Due at once by any clock: the column's default, the database's now(), would hold a reply
    // back by however far the database clock runs ahead of the sender's (or a test's fake clock).
    nextAttemptAt: DUE_AT_ONCE,
  };
  // ON CONFLICT DO NOTHING: a notice with a dedupKey that was queued before is not queued again.
  await tx.outbox.createMany({ data: [data], skipDuplicates: true });
}
