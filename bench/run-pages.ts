// npm run bench:pages — only the 看板's pages at 10,000 projects (bench/pages.ts), on PGlite and on a
// throwaway PostgreSQL, in about a fifth of the whole bench's time: seeds as bench/run.ts does and
// rewrites only BENCHMARKS.md's "看板 pages" section (bench/write-pages-section.ts), dated, keeping the rest.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { defaultPolicy } from '../domain/policy.js';
import { log } from './end-to-end.js';
import { openInProcessBot } from './in-process-bot.js';
import { benchPages, PAGE_ROUNDS } from './pages.js';
import { startPostgres } from './postgres-server.js';
import { seedProjects } from './seed-projects.js';
import { PAGES_HEADING, writePagesSection, type PagesFigures } from './write-pages-section.js';

const REPORT = new URL('../BENCHMARKS.md', import.meta.url).pathname;
const load = loadavg()[0]!;
const work = mkdtempSync(join(tmpdir(), 'xmgj-bench-pages-'));
const figures: PagesFigures[] = [];

async function measure(kind: string, location: string): Promise<void> {
  log(`${kind}: seeding 10,000 projects`);
  const bot = await openInProcessBot(location, defaultPolicy);
  try {
    await seedProjects(bot.database.prisma, { projects: 10_000, tasksPerProject: 10, problemsPerProject: 2, now: new Date() });
    // Statistics as a running bot has them an hour after a bulk load (cron/prune-old-rows.ts runs ANALYZE).
    await bot.database.prisma.$executeRaw`ANALYZE`;
    log(`${kind}: 看板 pages`);
    figures.push({
      kind,
      rounds: PAGE_ROUNDS,
      pages: await benchPages(bot.database.prisma, defaultPolicy, PAGE_ROUNDS, (page) => log(`  ${page.page} p95 ${Math.round(page.p95)} ms`)),
    });
  } finally {
    await bot.close();
  }
}

try {
  await measure('PGlite', join(work, 'pglite'));
  const postgres = await startPostgres();
  if ('failed' in postgres) log(`PostgreSQL not measured: ${postgres.failed}`);
  else
    try {
      await measure('PostgreSQL', await postgres.createDatabase('bench_pages'));
    } finally {
      postgres.stop();
    }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const section = writePagesSection(
  figures,
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:pages\` (load average ${load.toFixed(1)} at its start).`,
);
const previous = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
const start = previous.indexOf(PAGES_HEADING);
// The section ends where the next one (or the kept part) begins.
const end = start === -1 ? -1 : previous.slice(start + PAGES_HEADING.length).search(/\n(## |<!-- )/);
const next =
  start === -1
    ? `${previous}\n${section.join('\n')}`
    : `${previous.slice(0, start)}${section.join('\n')}\n${previous.slice(start + PAGES_HEADING.length + end + 1)}`;
writeFileSync(REPORT, await format(next, { ...((await resolveConfig(REPORT)) ?? {}), filepath: REPORT }));
log('BENCHMARKS.md: 看板 pages section rewritten');
