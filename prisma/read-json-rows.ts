// Big reads (the digests' snapshot, 台账) as one JSON array built by the database: a query's rows come
// back as a single text value that JSON.parse turns into plain objects, instead of rows through the wire
// protocol and Prisma's row mapping, which PGlite and the pg driver parse field by field (figures in
// BENCHMARKS.md, digests). PostgreSQL renders a date as
// `YYYY-MM-DD` and a timestamp as `YYYY-MM-DDTHH:MM:SS[.fff]` without a zone (PostgreSQL docs, "JSON
// Functions": to_json uses the type's ISO output); timestamps are stored in UTC, so the columns named
// in `instants` become Dates read as UTC. Numerics become JSON numbers.
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './open-database.js';

/** The rows of `query` (which must have an `id` column), in id order. */
export async function readJsonRows<T>(tx: Tx, query: Prisma.Sql, instants: readonly (keyof T & string)[] = []): Promise<T[]> {
  const [result] = await tx.$queryRaw<{ rows: string }[]>`SELECT coalesce(json_agg(q ORDER BY q.id), '[]')::text AS rows FROM (${query}) AS q`;
  const rows = JSON.parse(result!.rows) as Record<string, unknown>[];
  for (const row of rows) {
    for (const column of instants) {
      const value = row[column];
      if (typeof value === 'string') row[column] = new Date(`${value}Z`);
    }
  }
  return rows as T[];
}
