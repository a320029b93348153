// The hourly pruning of the working queues past retention (use-cases/prune-working-tables.ts says what goes),
// then the planner's statistics refreshed.
import type { Db } from '../prisma/open-database.js';
import type { Logger } from '../core/logger.js';
import { pruneWorkingTables, type PruneOptions } from '../use-cases/prune-working-tables.js';

export const PRUNE_CYCLE_MS = 60 * 60 * 1000;

/** Deletes what is past retention; returns how many rows of each table went. */
export async function pruneOldRows(
  prisma: Db,
  { logger, ...options }: PruneOptions & { logger?: Logger },
): Promise<{ inbound: number; outbox: number; signs: number; files: number }> {
  const pruned = await pruneWorkingTables(prisma, options);
  // The embedded database runs no autovacuum (PGlite is one backend), so its planner's statistics come from
  // here, after the hour's deletes; on PostgreSQL this repeats autovacuum's ANALYZE, cheaply at a county's size.
  await prisma.$executeRaw`ANALYZE`;
  if (pruned.inbound + pruned.outbox + pruned.signs + pruned.files > 0) logger?.info(pruned, 'pruned old rows');
  return pruned;
}
