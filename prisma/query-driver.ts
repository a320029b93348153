// Statements sent straight to the database driver (PGlite's `query`, node-postgres's pool `query`),
// past Prisma, for the few statements every message pays outside a transaction: the callback's
// insert (prisma/inbound-store.ts insertInboundRows) and the confirmed sends (prisma/outbox-store.ts
// markClaimsSent). Through Prisma one INSERT costs 336–882 µs of CPU against 88–379 µs straight to
// the driver on PostgreSQL, 1,181–1,288 against 548–619 µs on PGlite (BENCHMARKS.md "End to end",
// issue 20). Statements inside a handler's transaction stay on Prisma's transaction client: that one
// connection is Prisma's, and the batch's own statements (claim, senders) are paid once per up to 20
// events. openDatabase registers each client's driver; a client opened otherwise (test/support's
// template maker) falls back to `$queryRawUnsafe`, the same SQL through Prisma.
// Results differ by driver (PGlite's type parsers are the Prisma adapter's once it has run a query;
// node-postgres gives Date and parsed JSON), so statements here cast what they return to text or int4.
import type { Db } from './open-database.js';

export type DriverQuery = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

const drivers = new WeakMap<object, DriverQuery>();

/** Makes `query` the driver of `prisma`'s database (prisma/open-database.ts). */
export function registerDriver(prisma: Db, query: DriverQuery): void {
  drivers.set(prisma, query);
}

/** Runs one statement outside any transaction; `$1…` parameters. */
export async function queryDriver<R>(db: Db, sql: string, params: readonly unknown[]): Promise<R[]> {
  const driver = drivers.get(db);
  if (driver) return (await driver(sql, params)) as R[];
  return db.$queryRawUnsafe<R[]>(sql, ...params);
}
