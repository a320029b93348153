// Statements sent straight to the database driver (PGlite's `query`, node-postgres's pool `query`),
// past Prisma, for the few statements every message pays outside a transaction: the callback's
// insert (prisma/inbound-store.ts insertInboundRows) and the confirmed sends (prisma/outbox-store.ts
// markClaimsSent): through Prisma one INSERT costs several times its CPU straight to the driver
// (BENCHMARKS.md "End to end and its floors"). Inside an interactive transaction (queryInTransaction) a statement needs that
// transaction's connection. openDatabase registers each client's driver; a client opened otherwise
// (test/support's template maker) falls back to `$queryRawUnsafe`, the same SQL through Prisma.
// Results differ by driver (PGlite's type parsers are the Prisma adapter's once it has run a query;
// node-postgres gives Date and parsed JSON), so statements here cast what they return to text or int4.
import type { PrismaClient } from '../generated/prisma/client.js';

/** A client or a transaction client (prisma/open-database.ts Db and Tx; named here apart, so the two files do not import each other). */
type Db = PrismaClient;
type Tx = Pick<PrismaClient, '$queryRawUnsafe'>;

export type DriverQuery = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export interface Driver {
  query: DriverQuery;
  /** A statement of the interactive transaction open now, on its connection; null when the driver cannot reach it. */
  inTransaction(): DriverQuery | null;
}

/** Kept on the client itself: a transaction client reads its client's properties through (Prisma's proxy). */
const DRIVER = Symbol('driver');
const driverOf = (client: Db | Tx): Driver | undefined => (client as unknown as Record<symbol, Driver | undefined>)[DRIVER];

/** Makes `driver` the driver of `prisma`'s database (prisma/open-database.ts). */
export function registerDriver(prisma: Db, driver: Driver): void {
  (prisma as unknown as Record<symbol, Driver>)[DRIVER] = driver;
}

/** Runs one statement outside any transaction; `$1…` parameters. */
export async function queryDriver<R>(db: Db, sql: string, params: readonly unknown[]): Promise<R[]> {
  const driver = driverOf(db);
  if (driver) return (await driver.query(sql, params)) as R[];
  return db.$queryRawUnsafe<R[]>(sql, ...params);
}

/**
 * Runs one statement in the transaction `tx` belongs to: on PGlite straight to its open transaction
 * (one at a time: the open one is `tx`'s), elsewhere as `tx.$queryRawUnsafe`, which skips the tagged
 * template's work (`npx tsx bench/in-transaction-paths.ts` measures the three ways' CPU per statement).
 * On PostgreSQL Prisma's transaction holds a pool client this code cannot name.
 */
export async function queryInTransaction<R>(tx: Tx, sql: string, params: readonly unknown[]): Promise<R[]> {
  // A client passed where a transaction client may be (both type as Tx) is outside any transaction:
  // its statement must not join another caller's open one. Only a transaction client lacks $transaction.
  const outside = typeof (tx as unknown as Partial<Db>).$transaction === 'function';
  const driver = driverOf(tx);
  const direct = outside ? driver?.query : driver?.inTransaction();
  if (direct) return (await direct(sql, params)) as R[];
  return tx.$queryRawUnsafe<R[]>(sql, ...params);
}
