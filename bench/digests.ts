// Digests at scale: the Wednesday digests (leaderDigest) and the 22nd's ranking with its ledger
// file for 10,000 projects, 100,000 task cards and 20,000 problems, through the functions the
// schedule runs (cron/schedules/run-schedules.ts runOne): load the snapshot, build, queue.
import { isoWeekKey } from '../domain/schedule/iso-week.js';
import { buildDigests } from '../domain/schedule/build-digests.js';
import { buildLedger } from '../domain/ledger/build-ledger.js';
import { writeLedgerXlsx } from '../domain/ledger/write-ledger-xlsx.js';
import type { Policy } from '../domain/policy.js';
import { loadSnapshot } from '../cron/schedules/load-snapshot.js';
import { queueDigest, queueFile } from '../cron/schedules/queue-digest.js';
import type { Db } from '../prisma/open-database.js';
import { loadLedger } from '../prisma/load-ledger.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

export interface DigestFigures {
  name: string;
  ms: number;
  /** Peak growth of the process's resident memory while it ran, MiB. */
  peakMiB: number;
  recipients: number;
}

export async function benchDigests(prisma: Db, policy: Policy, now: Date): Promise<DigestFigures[]> {
  const day = now.toISOString().slice(0, 10);
  const runs: [string, () => Promise<number>][] = [
    [
      'Wednesday digests (leaderDigest)',
      () =>
        prisma.$transaction(
          async (tx) => {
            const calendar = await loadWorkingCalendar(tx);
            const snapshot = await loadSnapshot(tx, now);
            const built = buildDigests({ purpose: 'leaderDigest', slot: isoWeekKey(day), late: false }, { now, policy, calendar, snapshot });
            if (built.problemIds.length > 0) await tx.problem.updateMany({ where: { id: { in: built.problemIds } }, data: { digestedAt: now } });
            return queueDigest(tx, `bench-weekly-wed:${isoWeekKey(day)}`, built.digests);
          },
          { timeout: 600_000 },
        ),
    ],
    [
      'monthly ranking with the ledger file',
      () =>
        prisma.$transaction(
          async (tx) => {
            const calendar = await loadWorkingCalendar(tx);
            const snapshot = await loadSnapshot(tx, now);
            const built = buildDigests({ purpose: 'ranking', slot: day.slice(0, 7), late: false }, { now, policy, calendar, snapshot });
            const key = `bench-monthly-22:${day.slice(0, 7)}`;
            const recipients = await queueDigest(tx, key, built.digests);
            const ledger = buildLedger(await loadLedger(tx), { now, policy, calendar });
            await queueFile(tx, key, [...new Set(built.digests.map((digest) => digest.personId))], {
              name: ledger.fileName,
              content: await writeLedgerXlsx(ledger),
            });
            return recipients;
          },
          { timeout: 600_000 },
        ),
    ],
  ];
  const figures: DigestFigures[] = [];
  for (const [name, run] of runs) {
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const recipients = await run().finally(() => clearInterval(sampler));
    figures.push({ name, ms: performance.now() - started, peakMiB: (Math.max(peak, process.memoryUsage().rss) - base) / 2 ** 20, recipients });
  }
  return figures;
}
