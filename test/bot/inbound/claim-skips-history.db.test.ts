// The inbound claim must cost the same with a month of processed events kept (cron/prune-old-rows.ts
// keeps them for the retention period) as with none: it reads only the waiting rows, with or without
// the planner's statistics (PGlite gathers none). Before migration 0015 it read all 100,000 kept rows
// here. It still takes each sender's earliest waiting event only, so one person's messages keep their order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimAndMarkInbound, claimInboundBatch } from '../../../prisma/inbound-store.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';

const KEPT = 100_000;
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  const { prisma } = database;
  await prisma.$executeRaw`
    INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event, "processedAt")
    SELECT 'local', 'old' || n, 'local:person' || (n % 50), '{}'::jsonb, now() FROM generate_series(1, ${KEPT}::int) AS n`;
  await prisma.$executeRaw`
    INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event)
    VALUES ('local', 'a1', 'local:person1', '{"n":"a1"}'), ('local', 'b1', 'local:person2', '{"n":"b1"}'), ('local', 'a2', 'local:person1', '{"n":"a2"}')`;
});
afterAll(async () => {
  await database.close();
});

it(`claims each sender's earliest waiting event, reading no more of the ${KEPT.toLocaleString('en')} processed ones than a handful`, async () => {
  const { claimed, read } = await database.prisma.$transaction(async (tx) => {
    const claimed = (await claimInboundBatch(tx, 20)).map((row) => row.event);
    // Rows this transaction read from the table, by sequential and by index scans.
    const [stats] = await tx.$queryRaw<{ read: bigint }[]>`
      SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS read FROM pg_stat_xact_user_tables WHERE relname = 'Inbound'`;
    return { claimed, read: Number(stats!.read) };
  });
  expect(claimed).toEqual([{ n: 'a1' }, { n: 'b1' }]);
  expect(read).toBeLessThan(20);
});

it('claims and marks a fast batch reading no more of them than a handful either', async () => {
  let seen: { claimed: unknown[]; read: number } | undefined;
  // Rolled back: the rows stay waiting.
  await expect(
    database.prisma.$transaction(async (tx) => {
      const claimed = (await claimAndMarkInbound(tx, 20, new Date())).map((row) => row.event);
      const [stats] = await tx.$queryRaw<{ read: bigint }[]>`
        SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS read FROM pg_stat_xact_user_tables WHERE relname = 'Inbound'`;
      seen = { claimed, read: Number(stats!.read) };
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect(seen!.claimed).toEqual([{ n: 'a1' }, { n: 'b1' }]);
  expect(seen!.read).toBeLessThan(20);
});
