// Claims the outbox rows that are due, atomically: `FOR UPDATE SKIP LOCKED` lets several sender
// instances run at once without two of them taking one row. A claimed row is marked `sending`
// with a lease (nextAttemptAt = now + lease) and the transaction commits before any platform
// call, so the claim stays short; a sender that dies mid-send leaves a row that becomes due again
// when its lease ends. On the way, runs of text notices to one person are merged, and a person
// already sent PER_MINUTE messages in the last minute waits (WeCom silently drops messages beyond
// about 30 a minute per member per app — 发送应用消息 → 频率限制).
import type { Db } from '../../prisma/open-database.js';
import { bundleNotices } from './bundle-notices.js';

export interface DueRow {
  id: bigint;
  recipient: string;
  toChat: boolean;
  kind: string;
  payload: unknown;
  taskId: number | null;
  attempts: number;
  dedupKey: string | null;
  nextAttemptAt: Date;
}

export interface ClaimOptions {
  now: Date;
  batch?: number;
  leaseMs?: number;
  perMinute?: number;
}

const MINUTE = 60_000;

export async function claimDueRows(prisma: Db, { now, batch = 50, leaseMs = 2 * MINUTE, perMinute = 20 }: ClaimOptions): Promise<DueRow[]> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueRow[]>`
      SELECT id, recipient, "toChat", kind, payload, "taskId", attempts, "dedupKey", "nextAttemptAt" FROM "Outbox"
      WHERE status IN ('pending', 'sending') AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", id
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    const recipients = [...new Set(due.map((row) => row.recipient))];
    const recent = await tx.outbox.groupBy({
      by: ['recipient'],
      where: {
        recipient: { in: recipients },
        OR: [{ status: 'sent', sentAt: { gt: new Date(now.getTime() - MINUTE) } }, { status: 'sending', nextAttemptAt: { gt: now } }],
      },
      _count: { _all: true },
    });
    const used = new Map(recent.map((group) => [group.recipient, group._count._all]));
    const claimed: DueRow[] = [];
    const waiting: bigint[] = [];
    for (const recipient of recipients) {
      const rows = await bundleNotices(tx, due.filter((row) => row.recipient === recipient));
      const allowed = Math.max(0, perMinute - (used.get(recipient) ?? 0));
      claimed.push(...rows.slice(0, allowed));
      waiting.push(...rows.slice(allowed).map((row) => row.id));
    }
    if (waiting.length > 0) {
      // Out of the batch window until the person's minute has room again.
      await tx.outbox.updateMany({ where: { id: { in: waiting } }, data: { status: 'pending', nextAttemptAt: new Date(now.getTime() + MINUTE) } });
    }
    if (claimed.length > 0) {
      await tx.outbox.updateMany({
        where: { id: { in: claimed.map((row) => row.id) } },
        data: { status: 'sending', attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + leaseMs) },
      });
    }
    return claimed.map((row) => ({ ...row, attempts: row.attempts + 1 }));
  });
}
