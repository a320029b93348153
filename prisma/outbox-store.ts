// Every statement that changes an Outbox row's state, in one place (issue 17 item 3). A row's life:
//   pending ─claim─► sending (a lease) ─► sent | pending (retry, backoff) | failed
//   pending ─claim─► split (its parts are new pending rows) | bundled (into a new pending row)
//   pending ─claim─► failed (no address on a configured platform) or pending (paced: the account's minute is full)
//   sending ─stop──► pending (released unsent)
// The queueing INSERT (core/enqueue-message.ts) and pruning (cron/prune-old-rows.ts) are here too.
// Every instant is passed as a Date, never as an ISO string cast in SQL. A sender's update checks
// the row is still its claim (`Claim`: status and attempts unchanged), so a sender whose lease ran
// out cannot overwrite the outcome of the one that took over (bot/outbox/record-failure.ts).
import { Prisma } from '../generated/prisma/client.js';
import type { Db, Tx } from './open-database.js';
import { queryDriver, queryInTransaction } from './query-driver.js';

/** An outbox row as the sender claims it; `P` is the platform names the caller knows. */
export interface OutboxRow<P extends string = string> {
  id: bigint;
  personId: number | null;
  chatId: string | null;
  platform: P | null;
  account: string | null;
  reply: boolean;
  kind: string;
  payload: unknown;
  attempts: number;
  /** Tries whose outcome is unknown, this claim's included when it takes the row back after a lease. */
  unknownOutcomes: number;
  dedupKey: string | null;
  nextAttemptAt: Date;
}

/** A claimed row as this sender holds it. */
export type Claim = Pick<OutboxRow, 'id' | 'attempts'>;

/** A new row's own columns; the rest take their defaults. */
export interface NewOutboxRow {
  personId: number | null;
  chatId: string | null;
  platform: string | null;
  account: string | null;
  reply: boolean;
  kind: string;
  payload: unknown;
  dedupKey: string | null;
  nextAttemptAt: Date;
}

/** Rows per INSERT: nine parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 1000;

/**
 * Plain SQL: a digest or a file is megabytes of JSON, which Prisma's createMany takes about three
 * times as long to write (BENCHMARKS.md, digests). ON CONFLICT DO NOTHING: a notice whose dedupKey
 * was queued before is not queued again.
 */
export async function insertOutboxRows(tx: Tx, rows: readonly NewOutboxRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const params = chunk.flatMap((row) => [
      row.personId,
      row.chatId,
      row.platform,
      row.account,
      row.reply,
      row.kind,
      JSON.stringify(row.payload),
      row.dedupKey,
      row.nextAttemptAt.toISOString(),
    ]);
    const values = chunk
      .map((_, index) => {
        const n = 9 * index;
        return `($${n + 1}::int, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::boolean, $${n + 6}, $${n + 7}::jsonb, $${n + 8}, $${n + 9}::timestamptz)`;
      })
      .join(', ');
    // Straight to the driver where it can (prisma/query-driver.ts): every reply pays it.
    await queryInTransaction(
      tx,
      `INSERT INTO "Outbox" ("personId", "chatId", platform, account, reply, kind, payload, "dedupKey", "nextAttemptAt")
       VALUES ${values}
       ON CONFLICT DO NOTHING`,
      params,
    );
  }
}

/** Due rows, replies first, locked for this claim; SKIP LOCKED lets several senders claim at once. */
export async function lockDueRows<P extends string>(tx: Tx, now: Date, batch: number): Promise<(OutboxRow<P> & { status: string })[]> {
  return tx.$queryRaw<(OutboxRow<P> & { status: string })[]>`
    SELECT id, "personId", "chatId", platform, account, reply, kind, payload, status, attempts, "unknownOutcomes", "dedupKey", "nextAttemptAt" FROM "Outbox"
    WHERE status IN ('pending', 'sending') AND "nextAttemptAt" <= ${now}
    ORDER BY reply DESC, "nextAttemptAt", id
    LIMIT ${batch}
    FOR UPDATE SKIP LOCKED`;
}

/** The platform and account chosen for each row, kept for its retries; one statement for a whole claim. */
export async function setOutboxAddresses(tx: Tx, rows: readonly Pick<OutboxRow, 'id' | 'platform' | 'account'>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Outbox" AS o SET platform = a.platform, account = a.account
    FROM unnest(${rows.map((row) => String(row.id))}::text[], ${rows.map((row) => row.platform)}::text[], ${rows.map((row) => row.account)}::text[]) AS a(id, platform, account)
    WHERE o.id = a.id::bigint`;
}

/** A locked row that cannot be sent at all. */
export async function failLockedRow(tx: Tx, id: bigint, error: string): Promise<void> {
  await tx.outbox.update({ where: { id }, data: { status: 'failed', lastError: error } });
}

/** Replaces a locked row by its parts, in order; returns the parts' ids. */
export async function splitLockedRow(tx: Tx, row: OutboxRow, parts: readonly { kind: string; payload: Prisma.InputJsonValue }[]): Promise<bigint[]> {
  await tx.outbox.update({ where: { id: row.id }, data: { status: 'split' } });
  const ids: bigint[] = [];
  for (const { kind, payload } of parts) {
    const { platform, account, personId, chatId, reply, nextAttemptAt } = row;
    const part = await tx.outbox.create({ data: { personId, chatId, platform, account, reply, kind, payload, splitFromId: row.id, nextAttemptAt } });
    ids.push(part.id);
  }
  return ids;
}

/** Merges locked text notices to one account into a new row, which the originals point at; returns its id. */
export async function bundleLockedRows(tx: Tx, rows: readonly OutboxRow[], payload: Prisma.InputJsonValue): Promise<bigint> {
  const { personId, chatId, platform, account, nextAttemptAt } = rows[0]!;
  const merged = await tx.outbox.create({ data: { personId, chatId, platform, account, kind: 'text', payload, nextAttemptAt } });
  await tx.outbox.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { status: 'bundled', bundledIntoId: merged.id } });
  return merged.id;
}

/** Locked rows that wait for their account's pacing. */
export async function postponeLockedRows(tx: Tx, ids: readonly bigint[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.outbox.updateMany({ where: { id: { in: [...ids] } }, data: { status: 'pending', nextAttemptAt: until } });
}

/** Claims locked rows until `leaseEnd`, counting a try (and an unknown outcome when a lease was cut short). */
export async function leaseLockedRows(tx: Tx, ids: readonly bigint[], unknownOutcomes: number, leaseEnd: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.outbox.updateMany({
    where: { id: { in: [...ids] } },
    data: { status: 'sending', attempts: { increment: 1 }, unknownOutcomes: { increment: unknownOutcomes }, nextAttemptAt: leaseEnd },
  });
}

/** Sends this sender confirmed, in one statement, straight to the driver (prisma/query-driver.ts): every message pays it. */
export async function markClaimsSent(db: Db, sent: readonly (Claim & { platformMsgId: string | null })[], now: Date): Promise<void> {
  await queryDriver(
    db,
    `UPDATE "Outbox" AS o SET status = 'sent', "sentAt" = $1::timestamptz, "lastError" = NULL, "platformMsgId" = s.msg
     FROM unnest($2::text[], $3::int[], $4::text[]) AS s(id, attempts, msg)
     WHERE o.id = s.id::bigint AND o.status = 'sending' AND o.attempts = s.attempts`,
    [now.toISOString(), sent.map((row) => String(row.id)), sent.map((row) => row.attempts), sent.map((row) => row.platformMsgId)],
  );
}

/** A failed try to retry at `until`. */
export async function retryClaimLater(db: Db, claim: Claim, { error, until, unknown }: { error: string; until: Date; unknown: boolean }): Promise<void> {
  await db.outbox.updateMany({
    where: { id: claim.id, status: 'sending', attempts: claim.attempts },
    data: { status: 'pending', lastError: error, nextAttemptAt: until, unknownOutcomes: { increment: unknown ? 1 : 0 } },
  });
}

/** Ends a claim as `sent` (its message went another way, e.g. to each member of a refused chat) or `failed`; false when the claim is no longer this sender's. */
export async function endClaim(tx: Tx, claim: Claim, status: 'sent' | 'failed', error: string, now: Date): Promise<boolean> {
  const { count } = await tx.outbox.updateMany({
    where: { id: claim.id, status: 'sending', attempts: claim.attempts },
    data: status === 'sent' ? { status, sentAt: now, lastError: error } : { status, lastError: error },
  });
  return count === 1;
}

/** Claimed rows a stopping sender never tried, due again as they were when claimed; only those still under its lease. */
export async function releaseClaims(db: Db, ids: readonly bigint[], leaseEnd: Date, now: Date): Promise<void> {
  await db.outbox.updateMany({
    where: { id: { in: [...ids] }, status: 'sending', nextAttemptAt: leaseEnd },
    data: { status: 'pending', attempts: { decrement: 1 }, nextAttemptAt: now },
  });
}

/**
 * Messages each account received (or is being sent) since `hourAgo`, and of those since `minuteAgo`.
 * Two branches, so each reads its own index — sent rows by (platform, account, sentAt), rows being sent
 * by (status, nextAttemptAt) — and never an account's whole history. Only a sent row has a sentAt;
 * naming its status too let PGlite's planner, which has no statistics, AND in the status index and
 * read every sent row (BENCHMARKS.md "Claims and history; platform calls").
 */
export async function countRecentSends(
  tx: Tx,
  { platforms, accounts, now, minuteAgo, hourAgo }: { platforms: readonly string[]; accounts: readonly string[]; now: Date; minuteAgo: Date; hourAgo: Date },
): Promise<{ platform: string; account: string; minute: number; hour: number }[]> {
  const counts = await tx.$queryRaw<{ platform: string; account: string; minute: bigint; hour: bigint }[]>`
    SELECT platform, account, count(*) FILTER (WHERE "sentAt" IS NULL OR "sentAt" > ${minuteAgo}) AS minute, count(*) AS hour
    FROM (
      SELECT platform, account, "sentAt" FROM "Outbox"
      WHERE platform = ANY(${[...platforms]}) AND account = ANY(${[...accounts]}) AND "sentAt" > ${hourAgo} AND "chatId" IS NULL
      UNION ALL
      SELECT platform, account, NULL FROM "Outbox"
      WHERE status = 'sending' AND "nextAttemptAt" > ${now} AND account = ANY(${[...accounts]}) AND "chatId" IS NULL
    ) AS recent
    GROUP BY platform, account`;
  return counts.map((row) => ({ ...row, minute: Number(row.minute), hour: Number(row.hour) }));
}

/**
 * Finished rows (sent, failed and reported, bundled, split) created before `before`, those with a dedup
 * key only before `dedupBefore`, never what went to an enterprise contact; at most `batch`, claimed
 * with SKIP LOCKED so several instances prune at once. Returns how many went.
 */
export async function deleteFinishedOutboxRows(db: Db, { before, dedupBefore, batch }: { before: Date; dedupBefore: Date; batch: number }): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Outbox" WHERE id IN (
      SELECT id FROM "Outbox"
      WHERE status IN ('sent', 'failed', 'bundled', 'split')
        AND "createdAt" < ${before}
        AND ("dedupKey" IS NULL OR "createdAt" < ${dedupBefore})
        AND NOT EXISTS (SELECT 1 FROM "Person" AS p WHERE p.id = "Outbox"."personId" AND 'enterprise' = ANY(p.roles))
      LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
}
