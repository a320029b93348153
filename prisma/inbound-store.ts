// Every statement on the Inbound table, in one place (issue 17 item 3): record, claim (and mark), lock,
// count a try, mark processed, set aside, prune. Plain SQL where every callback or batch runs it: a Prisma
// model query costs its query compiler more than such a statement (docs/architecture.md "Record
// once"). Instants are passed as Date values.
import { Prisma } from '../generated/prisma/client.js';
import type { Db, Tx } from './open-database.js';
import { queryDriver, queryInTransaction } from './query-driver.js';

/** A claimed event; `tries`: its careful runs that never committed (process-batch.ts). */
export interface InboundRow {
  id: bigint;
  event: unknown;
  tries: number;
}

export interface NewInboundRow {
  platform: string;
  dedupKey: string;
  senderKey: string;
  event: unknown;
}

/** Rows per INSERT: four parameters each, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 500;

/**
 * Records events in one multi-row INSERT per 500, straight to the driver (prisma/query-driver.ts;
 * callbacks that arrive together are grouped by bot/inbound/record-inbound.ts). Returns, for each row
 * in order, whether it was recorded: false when (platform, dedupKey) was recorded before (a platform's
 * retry) or earlier in `rows`. Throws when a statement fails; rows of an earlier statement stay.
 */
export async function insertInboundRows(db: Db, rows: readonly NewInboundRow[]): Promise<boolean[]> {
  const key = (row: { platform: string; dedupKey: string }) => `${row.platform}\n${row.dedupKey}`;
  const inserted = new Set<string>();
  const first = new Map<string, number>();
  rows.forEach((row, index) => first.set(key(row), first.get(key(row)) ?? index));
  const unique = rows.filter((row, index) => first.get(key(row)) === index);
  for (let start = 0; start < unique.length; start += ROWS_PER_INSERT) {
    const chunk = unique.slice(start, start + ROWS_PER_INSERT);
    const params = chunk.flatMap((row) => [row.platform, row.dedupKey, row.senderKey, JSON.stringify(row.event)]);
    const values = chunk.map((_, index) => `($${4 * index + 1}, $${4 * index + 2}, $${4 * index + 3}, $${4 * index + 4}::jsonb)`).join(', ');
    const recorded = await queryDriver<{ platform: string; dedupKey: string }>(
      db,
      `INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event) VALUES ${values} ON CONFLICT DO NOTHING RETURNING platform, "dedupKey"`,
      params,
    );
    for (const row of recorded) inserted.add(key(row));
  }
  return rows.map((row, index) => first.get(key(row)) === index && inserted.has(key(row)));
}

/**
 * Claims and marks processed, in one statement, up to `limit` incoming events for one fast batch
 * (bot/inbound/process-batch.ts), chosen as claimInboundBatch chooses them: the mark commits with the
 * handlers' work or rolls back with it, so a batch that fails leaves its events unprocessed. Returned
 * in id order.
 */
export async function claimAndMarkInbound(tx: Tx, limit: number, now: Date): Promise<InboundRow[]> {
  // Straight to the driver where it can (prisma/query-driver.ts): every batch runs it. Cast to text
  // for both drivers' parsers alike.
  const rows = await queryInTransaction<{ id: string; event: string; tries: number }>(
    tx,
    `UPDATE "Inbound" SET "processedAt" = $1::timestamptz
     WHERE id IN (
       SELECT id FROM "Inbound" AS i
       WHERE "processedAt" IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM "Inbound" AS earlier
           WHERE earlier."senderKey" = i."senderKey" AND earlier."processedAt" IS NULL AND earlier.id < i.id)
       ORDER BY id
       LIMIT $2::int
       FOR UPDATE SKIP LOCKED)
     RETURNING id::text AS id, event::text AS event, tries`,
    [now.toISOString(), limit],
  );
  return rows
    .map((row) => ({ id: BigInt(row.id), event: JSON.parse(row.event) as unknown, tries: Number(row.tries) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Claims up to `limit` incoming events to process in one transaction, at most one per sender,
 * keeping one sender's events in arrival order across instances: a row is eligible only when no
 * earlier row of the same sender is still unprocessed, so while one instance holds (locks) a
 * sender's row, the others skip that sender entirely, and one claim never takes two rows of a sender.
 */
export async function claimInboundBatch(tx: Tx, limit: number): Promise<InboundRow[]> {
  return tx.$queryRaw<InboundRow[]>`
    SELECT id, event, tries FROM "Inbound" AS i
    WHERE "processedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Inbound" AS earlier
        WHERE earlier."senderKey" = i."senderKey" AND earlier."processedAt" IS NULL AND earlier.id < i.id)
    ORDER BY id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

/**
 * Locks the events a careful run counted a try on (bot/inbound/process-batch.ts), those still
 * unprocessed and not held by another instance. Each was its sender's oldest unprocessed event when
 * counted and stays so until it is processed, so one sender's events keep their order.
 */
export async function lockInboundRows(tx: Tx, ids: readonly bigint[]): Promise<InboundRow[]> {
  return tx.$queryRaw<InboundRow[]>`
    SELECT id, event, tries FROM "Inbound"
    WHERE id IN (${Prisma.join(ids)}) AND "processedAt" IS NULL
    ORDER BY id
    FOR UPDATE SKIP LOCKED`;
}

/** Counts a careful run's try on each event, committed before the run. */
export async function countInboundTries(tx: Tx, ids: readonly bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE "Inbound" SET tries = tries + 1 WHERE id IN (${Prisma.join(ids)})`;
}

/** Marks a batch's handled events processed, in the batch's transaction. */
export async function markInboundProcessed(tx: Tx, ids: readonly bigint[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE "Inbound" SET "processedAt" = ${now} WHERE id IN (${Prisma.join(ids)})`;
}

/** Sets an event aside: processed, failed, the error kept for the operator. */
export async function setInboundAside(tx: Tx, id: bigint, error: string, now: Date): Promise<void> {
  await tx.inbound.update({ where: { id }, data: { processedAt: now, failedAt: now, error: error.slice(0, 500) } });
}

/** Deletes up to `batch` events processed before `before`, SKIP LOCKED so several instances prune at once; returns how many went. */
export async function deleteProcessedInbound(db: Db, { before, batch }: { before: Date; batch: number }): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Inbound" WHERE id IN (
      SELECT id FROM "Inbound" WHERE "processedAt" < ${before} LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
}
