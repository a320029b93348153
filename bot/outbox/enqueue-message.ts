// Writes an outgoing message to the outbox. Call it with the transaction client of the change
// that causes the message, so the change and its messages commit or roll back together.
// A message to a project chat whose platform has no group chats (or refused them) is queued to
// each member here, not inside an adapter.
import type { Tx } from '../../prisma/open-database.js';
import type { OutgoingMessage, Platform } from '../messages.js';

/** A person (reached on the platform chosen at delivery), a project group chat, or an account that is no person yet. */
export type Recipient = { personId: number } | { chatId: string } | { platform: Platform; account: string };

export interface Enqueue {
  to: Recipient;
  message: OutgoingMessage;
  /** A reply to the person's own command: sent before notices and never bundled. */
  reply?: boolean;
  /** Queue this notice at most once, ever (e.g. "tell the admin once"). */
  dedupKey?: string;
}

const DUE_AT_ONCE = new Date(0);

export async function enqueueMessage(tx: Tx, item: Enqueue): Promise<void> {
  if ('chatId' in item.to) {
    const chat = await tx.groupChat.findUnique({ where: { id: item.to.chatId } });
    if (!chat) throw new Error(`no group chat ${item.to.chatId}`);
    if (chat.direct || chat.platform === null) {
      for (const personId of chat.memberIds) {
        await enqueueMessage(tx, { ...item, to: { personId }, ...(item.dedupKey && { dedupKey: `${item.dedupKey}:${personId}` }) });
      }
      return;
    }
  }
  const personId = 'personId' in item.to ? item.to.personId : null;
  const chatId = 'chatId' in item.to ? item.to.chatId : null;
  const platform = 'platform' in item.to ? item.to.platform : null;
  const account = 'account' in item.to ? item.to.account : null;
  // Plain SQL: a digest or a file is megabytes of JSON, which Prisma's createMany takes about three
  // times as long to write (BENCHMARKS.md, digests). Due at once by any clock (the epoch): the
  // database's now() would hold a reply back by however far its clock runs ahead of the sender's
  // (or a test's fake clock). ON CONFLICT DO NOTHING: a notice whose dedupKey was queued before is
  // not queued again.
  await tx.$executeRaw`
    INSERT INTO "Outbox" ("personId", "chatId", platform, account, reply, kind, payload, "dedupKey", "nextAttemptAt")
    VALUES (${personId}, ${chatId}, ${platform}, ${account}, ${item.reply ?? false}, ${item.message.kind}, ${JSON.stringify(item.message)}::jsonb,
      ${item.dedupKey ?? null}, ${DUE_AT_ONCE})
    ON CONFLICT DO NOTHING`;
}
