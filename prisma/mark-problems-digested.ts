// The problems a Wednesday digest carried (domain/schedule/digests/build-leader-digest.ts) are marked
// in the digest's transaction, so the next Wednesday carries only newer ones. One statement with the
// ids as one array parameter, whose cost does not grow with a parameter per id (BENCHMARKS.md, digests).
import type { Tx } from './open-database.js';

export async function markProblemsDigested(tx: Tx, problemIds: readonly number[], now: Date): Promise<void> {
  if (problemIds.length === 0) return;
  await tx.$executeRaw`UPDATE "Problem" SET "digestedAt" = ${now} WHERE id = ANY(${problemIds}::int[])`;
}
