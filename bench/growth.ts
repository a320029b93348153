// Does a claim slow down as history piles up? The inbound claim (prisma/inbound-store.ts)
// and the outbox claim (bot/outbox/claim-due-rows.ts) timed with 20 waiting rows and no history, then
// with 100,000 processed Inbound rows and 100,000 sent Outbox rows (30 days kept, as
// cron/prune-old-rows.ts keeps them), on PGlite and on PostgreSQL. Not part of `npm run bench`:
// `npx tsx bench/growth.ts` prints the table of BENCHMARKS.md "Claims and history; platform calls".
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DINGTALK_LIMITS } from '../bot/dingtalk/create-dingtalk-messenger.js';
import { claimInboundBatch } from '../prisma/inbound-store.js';
import { claimDueRows } from '../bot/outbox/claim-due-rows.js';
import { openDatabase, type Db } from '../prisma/open-database.js';
import { log } from './end-to-end.js';
import { startPostgres } from './postgres-server.js';
import { seedHistory } from './seed-history.js';

const HISTORY = 100_000;
const WAITING = 20;
const RUNS = 200;
const WARM_UP = 20;
const DAY = 86_400_000;
const limits = new Map([['dingtalk', DINGTALK_LIMITS]] as const);

/** "median / p90 ms" of RUNS calls after WARM_UP; each call returns the milliseconds it measured. */
async function time(call: () => Promise<number>): Promise<string> {
  const samples: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const ms = await call();
    if (run >= WARM_UP) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  const at = (share: number) => samples[Math.floor(RUNS * share)]!.toFixed(2);
  return `${at(0.5)} / ${at(0.9)} ms`;
}

async function elapsed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** History first (lower ids, as in a running bot: bench/seed-history.ts), then the waiting rows. */
async function seed(prisma: Db, history: number, now: Date): Promise<void> {
  await seedHistory(prisma, { rows: history, platform: 'dingtalk', people: { prefix: 'person', first: 0, count: 500, pad: 1 }, now });
  await prisma.$executeRaw`
    INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event)
    SELECT 'dingtalk', 'new' || n, 'dingtalk:person' || n, '{}'::jsonb FROM generate_series(1, ${WAITING}::int) AS n`;
  await prisma.$executeRaw`
    INSERT INTO "Outbox" (platform, account, kind, payload, "nextAttemptAt")
    SELECT 'dingtalk', 'person' || n, 'text', '{"kind":"text","text":"好"}'::jsonb, ${new Date(now.getTime() - DAY)}
    FROM generate_series(1, ${WAITING}::int) AS n`;
}

async function measure(location: string, history: number): Promise<{ inbound: string; outbox: string }> {
  const database = await openDatabase(location);
  const { prisma } = database;
  try {
    const now = new Date();
    await seed(prisma, history, now);
    // The inbound claim runs inside its batch's transaction (bot/inbound/process-batch.ts); only the claim is timed.
    const inbound = await time(() =>
      prisma.$transaction(async (tx) => {
        let claimed = 0;
        const ms = await elapsed(async () => (claimed = (await claimInboundBatch(tx, WAITING)).length));
        if (claimed !== WAITING) throw new Error(`the inbound claim took ${claimed} of ${WAITING} waiting rows`);
        return ms;
      }),
    );
    // The outbox claim is its own transaction; its rows go back to waiting after each call, untimed.
    const outbox = await time(async () => {
      let claimed = 0;
      const ms = await elapsed(async () => (claimed = (await claimDueRows(prisma, { now, limits })).length));
      if (claimed !== WAITING) throw new Error(`the outbox claim took ${claimed} of ${WAITING} waiting rows`);
      await prisma.$executeRaw`UPDATE "Outbox" SET status = 'pending', attempts = 0, "nextAttemptAt" = ${new Date(now.getTime() - DAY)} WHERE status = 'sending'`;
      return ms;
    });
    return { inbound, outbox };
  } finally {
    await database.close();
  }
}

const work = mkdtempSync(join(tmpdir(), 'xmgj-growth-'));
const rows: string[] = [];
log(`load average ${loadavg()[0]!.toFixed(1)} at start`);
try {
  for (const history of [0, HISTORY]) {
    log(`PGlite, history ${history}`);
    const { inbound, outbox } = await measure(join(work, `pglite-${history}`), history);
    rows.push(`| PGlite | ${history.toLocaleString('en')} | ${inbound} | ${outbox} |`);
  }
  const postgres = await startPostgres();
  if ('failed' in postgres) throw new Error(postgres.failed);
  try {
    for (const history of [0, HISTORY]) {
      log(`PostgreSQL ${postgres.version}, history ${history}`);
      const { inbound, outbox } = await measure(await postgres.createDatabase(`growth_${history}`), history);
      rows.push(`| PostgreSQL | ${history.toLocaleString('en')} | ${inbound} | ${outbox} |`);
    }
  } finally {
    postgres.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
log(`load average ${loadavg()[0]!.toFixed(1)} at end`);
console.log(
  ['| database | processed / sent rows kept | inbound claim, median / p90 | outbox claim, median / p90 |', '| --- | --- | --- | --- |', ...rows].join('\n'),
);
