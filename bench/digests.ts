// Digests at scale: the Wednesday digests (leaderDigest) and the 22nd's ranking for 10,000 projects,
// 100,000 task cards and 20,000 problems, through the functions the schedule runs
// (use-cases/send-schedule-occurrence.ts): load the snapshot, build, draw the chart, queue. Then the 台账 file the ranking
// leaves to a job (use-cases/send-ranking-ledger-file.ts), beside its floor in the same run: exceljs streaming
// the same workbook to a buffer with nothing else (issue 20; reported by bench/write-files-section.ts).
import { isoWeekKey } from '../domain/schedule/iso-week.js';
import { buildDigests } from '../domain/schedule/build-digests.js';
import { buildLedger } from '../domain/ledger/build-ledger.js';
import { writeLedgerXlsx } from '../use-cases/write-ledger-xlsx.js';
import { sendRankingLedgerFile } from '../use-cases/send-ranking-ledger-file.js';
import { renderDigestChart } from '../use-cases/render-digest-chart.js';
import { warmChartRenderer } from '../core/charts/render-chart-png.js';
import type { Policy } from '../domain/policy.js';
import { loadSnapshot } from '../prisma/load-snapshot.js';
import { quoteSnapshot } from '../domain/schedule/quote-snapshot.js';
import { ledgerDataOf } from '../domain/ledger/ledger-data-of.js';
import { markProblemsDigested } from '../prisma/mark-problems-digested.js';
import { queueDigest } from '../use-cases/queue-digest.js';
import { createLogger } from '../core/logger.js';
import type { Db, Tx } from '../prisma/open-database.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

export interface DigestFigures {
  name: string;
  ms: number;
  /** Peak growth of the process's resident memory while it ran, MiB. */
  peakMiB: number;
  recipients: number;
  /** Step → ms, in the order they ran. */
  steps: [string, number][];
  /** What bench/write-files-section.ts reports (issue 20): the ranking digest, the file job and its floor. */
  role?: 'ranking' | 'ledger-file-job' | 'exceljs-floor';
}

export async function benchDigests(prisma: Db, policy: Policy, now: Date): Promise<DigestFigures[]> {
  const day = now.toISOString().slice(0, 10);
  const rankingKey = `bench-ranking:${day.slice(0, 7)}`;
  const logger = createLogger('warn');
  let readers: number[] = [];
  let base = 0;
  let peak = 0;
  let started = 0;
  const restart = () => {
    global.gc?.();
    base = process.memoryUsage().rss;
    peak = base;
    started = performance.now();
  };
  await warmChartRenderer();
  let steps: [string, number][] = [];
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    steps.push([name, performance.now() - started]);
    return result;
  };
  // The schedule's first two steps (use-cases/send-schedule-occurrence.ts), timed.
  const snapshotAndBuild = async (tx: Tx, purpose: 'leaderDigest' | 'ranking', slot: string) => {
    const calendar = await loadWorkingCalendar(tx);
    const stored = await step('load the snapshot', () => loadSnapshot(tx, now));
    const built = await step('build', () => buildDigests({ purpose, slot, late: false }, { now, policy, calendar, snapshot: quoteSnapshot(stored) }));
    return { calendar, built, stored };
  };
  const runs: [string, () => Promise<number>][] = [
    [
      'Wednesday digests (leaderDigest)',
      () =>
        prisma.$transaction(
          async (tx) => {
            const { built } = await snapshotAndBuild(tx, 'leaderDigest', isoWeekKey(day));
            if (built.problemIds.length > 0) await step('mark the problems', () => markProblemsDigested(tx, built.problemIds, now));
            return (await step('queue', () => queueDigest(tx, `bench-weekly-wed:${isoWeekKey(day)}`, built.digests))).length;
          },
          { timeout: 600_000 },
        ),
    ],
    [
      'monthly ranking (snapshot, build, chart, queue)',
      () =>
        prisma.$transaction(
          async (tx) => {
            const { built } = await snapshotAndBuild(tx, 'ranking', day.slice(0, 7));
            const chart = await step('draw the chart', () => renderDigestChart(built.chart));
            readers = await step('queue', () => queueDigest(tx, rankingKey, built.digests, chart));
            return readers.length;
          },
          { timeout: 600_000 },
        ),
    ],
    [
      'exceljs floor (the same workbook streamed to a buffer)',
      async () => {
        const { calendar, stored } = await prisma.$transaction((tx) =>
          loadWorkingCalendar(tx).then(async (calendar) => ({ calendar, stored: await loadSnapshot(tx, now, { closedProblems: true }) })),
        );
        const ledger = buildLedger(ledgerDataOf(stored), { now, policy, calendar });
        // Only the write is the floor: reset the clock and the memory base after the read and the build.
        restart();
        await step('write the xlsx', () => writeLedgerXlsx(ledger));
        return 0;
      },
    ],
    [
      'the 台账 file job (read, build, write, store once, queue)',
      async () => {
        await sendRankingLedgerFile(
          prisma,
          { occurrenceKey: rankingKey, personIds: [...new Set(readers)], at: now.toISOString() },
          { policy, logger, lastTry: false },
        );
        return new Set(readers).size;
      },
    ],
  ];
  const roles: (DigestFigures['role'] | undefined)[] = [undefined, 'ranking', 'exceljs-floor', 'ledger-file-job'];
  const figures: DigestFigures[] = [];
  for (const [index, [name, run]] of runs.entries()) {
    steps = [];
    global.gc?.();
    base = process.memoryUsage().rss;
    peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    started = performance.now();
    const recipients = await run().finally(() => clearInterval(sampler));
    const role = roles[index];
    figures.push({
      name,
      ms: performance.now() - started,
      peakMiB: (Math.max(peak, process.memoryUsage().rss) - base) / 2 ** 20,
      recipients,
      steps,
      ...(role && { role }),
    });
  }
  return figures;
}
