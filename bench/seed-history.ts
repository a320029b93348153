// A month of a busy county's history (issue 20): `rows` processed Inbound rows and `rows` sent
// Outbox rows from `people` senders, one every 25 seconds back from `now` (30 days kept, as
// cron/prune-old-rows.ts keeps them), below the ids of any work to come. No ANALYZE: the planner
// sees the tables as PGlite leaves them (it runs no autovacuum) and as PostgreSQL does until
// autovacuum comes round, so a claim must be fast without statistics.
import type { Db } from '../prisma/open-database.js';

export interface History {
  rows: number;
  platform: string;
  /** Senders are `prefix` + (first + n % people), zero-padded to `pad` digits when pad > 0. */
  people: { prefix: string; first: number; count: number; pad: number };
  now: Date;
}

export async function seedHistory(prisma: Db, { rows, platform, people, now }: History): Promise<void> {
  const { prefix, first, count, pad } = people;
  await prisma.$executeRaw`
    INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", "receivedAt", event, "processedAt")
    SELECT ${platform}, 'history' || n, ${platform}::text || ':' || ${prefix}::text || lpad(s.x, greatest(${pad}::int, length(s.x)), '0'),
      ${now}::timestamptz - n * interval '25 seconds', '{}'::jsonb, ${now}::timestamptz - n * interval '25 seconds'
    FROM generate_series(1, ${rows}::int) AS n, LATERAL (SELECT (${first}::int + n % ${count}::int)::text AS x) AS s`;
  await prisma.$executeRaw`
    INSERT INTO "Outbox" ("createdAt", platform, account, kind, payload, status, attempts, "sentAt", "nextAttemptAt")
    SELECT ${now}::timestamptz - n * interval '25 seconds', ${platform}, ${prefix}::text || lpad(s.x, greatest(${pad}::int, length(s.x)), '0'), 'text',
      '{"kind":"text","text":"好"}'::jsonb, 'sent', 1, ${now}::timestamptz - n * interval '25 seconds', ${now}::timestamptz - n * interval '25 seconds'
    FROM generate_series(1, ${rows}::int) AS n, LATERAL (SELECT (${first}::int + n % ${count}::int)::text AS x) AS s`;
}
