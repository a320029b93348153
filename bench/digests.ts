// Digests at scale: the Wednesday digests (leaderDigest) and the 22nd's ranking with its ledger
// file for 10,000 projects, 100,000 task cards and 20,000 problems, through the functions the
// schedule runs (cron/schedules/run-schedules.ts runOne): load the snapshot, build, queue.
import { isoWeekKey } from '../domain/schedule/iso-week.js';
import { buildDigests } from '../domain/schedule/build-digests.js';
import { buildLedger } from '../domain/ledger/build-ledger.js';
import { writeLedgerXlsx } from '../use-cases/write-ledger-xlsx.js';
import type { Policy } from '../domain/policy.js';
import { loadSnapshot } from '../prisma/load-snapshot.js';
import { quoteSnapshot } from '../domain/schedule/quote-snapshot.js';
import { ledgerDataOf } from '../domain/ledger/ledger-data-of.js';
import { markProblemsDigested } from '../cron/schedules/mark-problems-digested.js';
import { queueDigest, queueFile } from '../cron/schedules/queue-digest.js';
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
}

export async function benchDigests(prisma: Db, policy: Policy, now: Date): Promise<DigestFigures[]> {
  const day = now.toISOString().slice(0, 10);
  let steps: [string, number][] = [];
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    steps.push([name, performance.now() - started]);
    return result;
  };
  // The schedule's first two steps (cron/schedules/run-schedules.ts runOne), timed.
  const snapshotAndBuild = async (tx: Tx, purpose: 'leaderDigest' | 'ranking', slot: string) => {
    const calendar = await loadWorkingCalendar(tx);
    const stored = await step('load the snapshot', () => loadSnapshot(tx, now, { closedProblems: purpose === 'ranking' }));
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
            return step('queue', () => queueDigest(tx, `bench-weekly-wed:${isoWeekKey(day)}`, built.digests));
          },
          { timeout: 600_000 },
        ),
    ],
    [
      'monthly ranking with the ledger file',
      () =>
        prisma.$transaction(
          async (tx) => {
            const { calendar, built, stored } = await snapshotAndBuild(tx, 'ranking', day.slice(0, 7));
            const key = `bench-monthly-22:${day.slice(0, 7)}`;
            const recipients = await step('queue', () => queueDigest(tx, key, built.digests));
            // The ledger is built from the same read (prisma/load-snapshot.ts): no second load.
            const ledger = await step('build the ledger', () => buildLedger(ledgerDataOf(stored), { now, policy, calendar }));
            const content = await step('write the xlsx', () => writeLedgerXlsx(ledger));
            const readers = [...new Set(built.digests.map((digest) => digest.personId))];
            await step('queue the file', () => queueFile(tx, key, readers, { name: ledger.fileName, content }));
            return recipients;
          },
          { timeout: 600_000 },
        ),
    ],
  ];
  const figures: DigestFigures[] = [];
  for (const [name, run] of runs) {
    steps = [];
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const recipients = await run().finally(() => clearInterval(sampler));
    figures.push({ name, ms: performance.now() - started, peakMiB: (Math.max(peak, process.memoryUsage().rss) - base) / 2 ** 20, recipients, steps });
  }
  return figures;
}
