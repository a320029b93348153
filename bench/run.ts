// npm run bench — every target of issues 11 and 20, on the embedded database (PGlite) and on a throwaway
// PostgreSQL server, written to BENCHMARKS.md at the repository root: end to end through the real
// server beside its floors, at three concurrencies, on two instances and with a month of history
// (bench/end-to-end.ts, with start-up and memory), timers
// (bench/timers.ts), digests at scale (bench/digests.ts) and a command's round trip with 100 and
// 10,000 projects (bench/scale.ts) and the 看板's pages at 10,000 (bench/pages.ts). Figures depend on
// the machine: compare runs on one machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '../domain/policy.js';
import { benchDigests, type DigestFigures } from './digests.js';
import { benchEndToEnd, log, type EndToEndFigures } from './end-to-end.js';
import { openInProcessBot } from './in-process-bot.js';
import { benchPages, type PageFigures } from './pages.js';
import { startPostgres, type PostgresServer } from './postgres-server.js';
import { measureRoundTrips, type RoundTrips } from './scale.js';
import { seedProjects } from './seed-projects.js';
import { benchTimers, type TimerFigures } from './timers.js';
import { writeReport, type DatabaseFigures } from './write-report.js';

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'xmgj-bench-'));
const results: DatabaseFigures[] = [];

async function benchDatabase(kind: 'PGlite' | 'PostgreSQL', location: (name: string) => Promise<string>, postgres?: PostgresServer): Promise<DatabaseFigures> {
  log(`${kind}: end to end`);
  const endToEnd: EndToEndFigures = await benchEndToEnd(await location('e2e'), join(work, kind, 'e2e'), await location('ingest'), postgres);
  log(`${kind}: timers`);
  const timers: TimerFigures = await benchTimers(await location('timers'));
  const scale: { projects: number; roundTrips: RoundTrips }[] = [];
  let digests: DigestFigures[] = [];
  let pages: PageFigures[] = [];
  for (const projects of [100, 10_000]) {
    log(`${kind}: ${projects} projects`);
    const bot = await openInProcessBot(await location(`scale${projects}`), defaultPolicy);
    try {
      const now = new Date();
      await seedProjects(bot.database.prisma, { projects, tasksPerProject: 10, problemsPerProject: 2, now });
      scale.push({ projects, roundTrips: await measureRoundTrips(bot.app, bot.fake, String(projects)) });
      if (projects === 10_000) {
        // Statistics as a running bot has them an hour after a bulk load (cron/prune-old-rows.ts runs ANALYZE).
        await bot.database.prisma.$executeRaw`ANALYZE`;
        digests = await benchDigests(bot.database.prisma, defaultPolicy, now);
        log(`${kind}: 看板 pages`);
        pages = await benchPages(bot.database.prisma, defaultPolicy);
      }
    } finally {
      await bot.close();
    }
  }
  return { kind, endToEnd, timers, scale, digests, pages };
}

try {
  results.push(await benchDatabase('PGlite', async (name) => join(work, 'PGlite', name, 'pglite')));
  const postgres = await startPostgres();
  if ('failed' in postgres) {
    log(postgres.failed);
    results.push({ kind: 'PostgreSQL', failed: postgres.failed });
  } else {
    try {
      results.push({ ...(await benchDatabase('PostgreSQL', (name) => postgres.createDatabase(`bench_${name}`), postgres)), version: postgres.version });
    } finally {
      postgres.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
await writeReport(results, (Date.now() - started) / 1000);
log(`BENCHMARKS.md written after ${((Date.now() - started) / 1000).toFixed(0)} s`);
