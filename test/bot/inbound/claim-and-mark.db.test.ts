// A fast batch claims its events and marks them processed in one statement
// (prisma/inbound-store.ts claimAndMarkInbound). The mark stands only if the batch commits; while one
// instance holds a sender's events, another takes none of that sender's, not even a later one, so
// each person's messages keep their order across instances (the two-instance part needs PostgreSQL:
// PGlite has one connection, so two transactions never overlap).
import { afterEach, expect, it } from 'vitest';
import { claimAndMarkInbound } from '../../../prisma/inbound-store.js';
import { openDatabase, type Database } from '../../../prisma/open-database.js';
import { createTestDatabaseLocation, openTestDatabase } from '../../support/test-database.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

const NOW = new Date('2026-11-23T02:00:00Z');

/** Three events from each of `senders` people, in rounds: a1 b1 c1 a2 b2 c2 … */
async function waiting(database: Database, senders: number): Promise<void> {
  await database.prisma.$executeRaw`
    INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event)
    SELECT 'local', key, 'local:p' || sender, jsonb_build_object('n', key)
    FROM generate_series(1, 3) AS round, generate_series(0, ${senders - 1}::int) AS sender, LATERAL (SELECT 'p' || sender || '-' || round AS key) AS k
    ORDER BY round, sender`;
}

const names = (rows: { event: unknown }[]) => rows.map((row) => (row.event as { n: string }).n);

it('claims each sender’s earliest event and marks it processed, and a rolled-back batch leaves them waiting', { timeout: 60_000 }, async () => {
  const database = await openTestDatabase();
  cleanups.push(() => database.close());
  await waiting(database, 3);
  await expect(
    database.prisma.$transaction(async (tx) => {
      expect(names(await claimAndMarkInbound(tx, 20, NOW))).toEqual(['p0-1', 'p1-1', 'p2-1']);
      throw new Error('the batch failed');
    }),
  ).rejects.toThrow('the batch failed');
  expect(await database.prisma.inbound.count({ where: { processedAt: null } })).toBe(9);

  const claimed = await database.prisma.$transaction((tx) => claimAndMarkInbound(tx, 2, NOW));
  expect(names(claimed)).toEqual(['p0-1', 'p1-1']);
  expect((await database.prisma.inbound.findMany({ where: { processedAt: NOW } })).map((row) => row.dedupKey).sort()).toEqual(['p0-1', 'p1-1']);
  expect(names(await database.prisma.$transaction((tx) => claimAndMarkInbound(tx, 20, NOW)))).toEqual(['p2-1', 'p0-2', 'p1-2']);
});

it.skipIf(!process.env.TEST_DATABASE_URL)('never gives two instances the same sender at once, nor a sender’s later event', { timeout: 60_000 }, async () => {
  const made = await createTestDatabaseLocation();
  const [first, second] = [await openDatabase(made.location), await openDatabase(made.location)];
  cleanups.push(
    made.remove,
    () => first.close(),
    () => second.close(),
  );
  await waiting(first, 6);

  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let firstClaim: string[] = [];
  const firstBatch = first.prisma.$transaction(
    async (tx) => {
      firstClaim = names(await claimAndMarkInbound(tx, 3, NOW));
      await held;
    },
    { timeout: 30_000 },
  );
  while (firstClaim.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(firstClaim).toEqual(['p0-1', 'p1-1', 'p2-1']);

  // While the first holds p0–p2, the second takes the other senders only, each their earliest.
  const secondClaim = names(await second.prisma.$transaction((tx) => claimAndMarkInbound(tx, 20, NOW)));
  expect(secondClaim).toEqual(['p3-1', 'p4-1', 'p5-1']);
  release();
  await firstBatch;

  const next = names(await second.prisma.$transaction((tx) => claimAndMarkInbound(tx, 20, NOW)));
  expect(next).toEqual(['p0-2', 'p1-2', 'p2-2', 'p3-2', 'p4-2', 'p5-2']);
});
