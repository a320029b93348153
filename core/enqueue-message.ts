// Writes an outgoing message to the outbox. Call it with the transaction client of the change
// that causes the message, so the change and its messages commit or roll back together.
// A message to a project chat whose platform has no group chats (or refused them) is queued to
// each member here, not inside an adapter.
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import type { OutgoingMessage, Platform } from './messages.js';

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

/**
 * A new row is due at once by any clock: the column's default, the database's now(), would hold a
 * reply back by however far the database clock runs ahead of the sender's (or a test's fake clock).
 */
const DUE_AT_ONCE = new Date(0);

export async function enqueueMessage(tx: Tx, item: Enqueue): Promise<void> {
  await enqueueMessages(tx, [item]);
}

/** A new outbox row's own columns; the rest take their defaults. */
interface NewRow {
  personId: number | null;
  chatId: string | null;
  platform: Platform | null;
  account: string | null;
  reply: boolean;
  message: OutgoingMessage;
  dedupKey: string | null;
}

/** Rows per INSERT: nine parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;

/** Several messages in one insert (an escalation pass queues hundreds at once), each as enqueueMessage would queue it. */
export async function enqueueMessages(tx: Tx, items: readonly Enqueue[]): Promise<void> {
  const rows: NewRow[] = [];
  for (const item of items) rows.push(...(await rowsOf(tx, item)));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const values = rows
      .slice(start, start + ROWS_PER_INSERT)
      .map(
        (row) =>
          Prisma.sql`(${row.personId}, ${row.chatId}, ${row.platform}, ${row.account}, ${row.reply}, ${row.message.kind}, ${JSON.stringify(row.message)}::jsonb, ${row.dedupKey}, ${DUE_AT_ONCE})`,
      );
    // Plain SQL: a digest or a file is megabytes of JSON, which Prisma's createMany takes about three
    // times as long to write (BENCHMARKS.md, digests). ON CONFLICT DO NOTHING: a notice whose
    // dedupKey was queued before is not queued again.
    await tx.$executeRaw`
      INSERT INTO "Outbox" ("personId", "chatId", platform, account, reply, kind, payload, "dedupKey", "nextAttemptAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT DO NOTHING`;
  }
}

async function rowsOf(tx: Tx, item: Enqueue): Promise<NewRow[]> {
  if ('chatId' in item.to) {
    const chat = await tx.groupChat.findUnique({ where: { id: item.to.chatId } });
    if (!chat) throw new Error(`no group chat ${item.to.chatId}`);
    if (chat.direct || chat.platform === null) {
      const rows: NewRow[] = [];
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
      message: item.message,
      dedupKey: item.dedupKey ?? null,
    },
  ];
}
