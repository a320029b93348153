// Writes an outgoing message to the outbox. Call it with the transaction client of the change
// that causes the message, so the change and its messages commit or roll back together.
// A message to a project chat whose platform has no group chats (or refused them) is queued to
// each member here, not inside an adapter.
import type { Tx } from '../prisma/open-database.js';
import { insertOutboxRows, type NewOutboxRow } from '../prisma/outbox-store.js';
import type { Platform, QueuedMessage } from './messages.js';

/** A person (reached on the platform chosen at delivery), a project group chat, or an account that is no person yet. */
export type Recipient = { personId: number } | { chatId: string } | { platform: Platform; account: string };

export interface Enqueue {
  to: Recipient;
  message: QueuedMessage;
  /** A reply to the person's own command: sent before notices and never bundled. */
  reply?: boolean;
  /** Queue this notice at most once, ever (e.g. "tell the admin once"). */
  dedupKey?: string;
}

/**
 * A new row is due at once by any clock: the column's default, the database's now(), would hold a
 * reply back by however far the database clock runs ahead of the sender's (or a test's fake clock).
 */
const DUE_AT_ONCE = new Date(0);

export async function enqueueMessage(tx: Tx, item: Enqueue): Promise<void> {
  await enqueueMessages(tx, [item]);
}

/** Several messages in one insert (an escalation pass queues hundreds at once), each as enqueueMessage would queue it. */
export async function enqueueMessages(tx: Tx, items: readonly Enqueue[]): Promise<void> {
  const rows: NewOutboxRow[] = [];
  for (const item of items) rows.push(...(await rowsOf(tx, item)));
  await insertOutboxRows(tx, rows);
}

async function rowsOf(tx: Tx, item: Enqueue): Promise<NewOutboxRow[]> {
  if ('chatId' in item.to) {
    const chat = await tx.groupChat.findUnique({ where: { id: item.to.chatId } });
    if (!chat) throw new Error(`no group chat ${item.to.chatId}`);
    if (chat.direct || chat.platform === null) {
      const rows: NewOutboxRow[] = [];
      for (const personId of chat.memberIds) {
        rows.push(...(await rowsOf(tx, { ...item, to: { personId }, ...(item.dedupKey && { dedupKey: `${item.dedupKey}:${personId}` }) })));
      }
      return rows;
    }
  }
  return [
    {
      personId: 'personId' in item.to ? item.to.personId : null,
      chatId: 'chatId' in item.to ? item.to.chatId : null,
      platform: 'platform' in item.to ? item.to.platform : null,
      account: 'account' in item.to ? item.to.account : null,
      reply: item.reply ?? false,
      kind: item.message.kind,
      payload: item.message,
      dedupKey: item.dedupKey ?? null,
      nextAttemptAt: DUE_AT_ONCE,
    },
  ];
}
