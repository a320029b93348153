// Zhenping's rhythm, run every minute by each instance (bot/app.ts). Exactly once across
// instances: the instance whose INSERT of the occurrence into ScheduleRun succeeds builds and
// queues the messages in that same transaction; the others' INSERT does nothing (ON CONFLICT),
// or waits for the winner's commit and then does nothing, so they skip. A crash before commit
// leaves no row, and the next pass runs it. Computing is in domain/schedule/.
import type { Db, Tx } from '../../prisma/open-database.js';
import type { Logger } from '../../core/logger.js';
import type { Policy } from '../../domain/policy.js';
import { buildDigests } from '../../domain/schedule/build-digests.js';
import { pickUnitContacts } from '../../domain/roster/pick-unit-contacts.js';
import { tellRosterGaps } from '../../core/recipients/tell-roster-gaps.js';
import { dueOccurrences, type DueOccurrence } from '../../domain/schedule/due-occurrences.js';
import { listSchedule } from '../../domain/schedule/list-schedule.js';
import type { Occurrence } from '../../domain/schedule/plan-occurrences.js';
import { loadSnapshot } from '../../prisma/load-snapshot.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { quoteSnapshot } from '../../domain/schedule/quote-snapshot.js';
import { rankUnits } from '../../domain/schedule/digests/rank-month.js';
import { saveMonthRanking } from '../../prisma/save-month-ranking.js';
import { claimScheduleRun, findPreviousFinishedSlot, finishScheduleRun, listRecentRuns } from '../../prisma/schedule-run-store.js';
import { BACKUP_JOB, NIGHTLY_BACKUP_JOB } from '../../prisma/read-health.js';
import { chaseComplaints } from '../chase-complaints.js';
import { remindGreenCardRenewals } from '../remind-green-card-renewals.js';
import { remindRatingComplaints } from '../remind-rating-complaints.js';
import { queueRankingLedgerFile } from '../../use-cases/send-ranking-ledger-file.js';
import { markProblemsDigested } from './mark-problems-digested.js';
import { queueDigest } from './queue-digest.js';
import { renderDigestChart } from './render-digest-chart.js';
import { warmChartRenderer } from '../../core/charts/render-chart-png.js';

export const SCHEDULE_CYCLE_MS = 60_000;
const OCCURRENCE_TIMEOUT_MS = 60_000;

/** The row that says the schedule has run here before. */
const FIRST_PASS = { job: 'schedule', slot: 'first-pass' };

export interface ScheduleOptions {
  now: Date;
  policy: Policy;
  logger?: Logger;
}

/** Runs what is due; returns the keys this instance sent (e.g. `weekly-wed:2026-W48`). */
export async function runSchedules(prisma: Db, { now, policy, logger }: ScheduleOptions): Promise<string[]> {
  const calendar = await prisma.$transaction((tx) => loadWorkingCalendar(tx));
  await remindRatingComplaints(prisma, now);
  await chaseComplaints(prisma, now);
  if (policy.greenCard) await remindGreenCardRenewals(prisma, now);
  // Backups record themselves in the same table (prisma/read-health.ts) but are no schedule occurrence: a backup
  // taken before the first start must not make that start look like a restart with digests to catch up.
  const runs = await listRecentRuns(prisma, [BACKUP_JOB, NIGHTLY_BACKUP_JOB], 2000);
  const plan = dueOccurrences(listSchedule(policy), new Set(runs.map((run) => `${run.job}:${run.slot}`)), now, calendar);
  // A new installation has missed nothing: what is open at its first pass is marked, not sent.
  const fresh = runs.length === 0;
  const marks: Pick<Occurrence, 'job' | 'slot'>[] = [...plan.skipped, ...(fresh ? [...plan.due, FIRST_PASS] : [])];
  for (const occurrence of marks) await prisma.$transaction((tx) => claim(tx, occurrence, now));
  if (fresh) return [];
  const sent: string[] = [];
  // Charts are drawn inside the occurrence's transaction: load their code and font before opening it.
  if (plan.due.some((occurrence) => occurrence.purpose === 'leaderDigest' || occurrence.purpose === 'ranking')) await warmChartRenderer();
  for (const occurrence of plan.due) {
    // Prisma's default 5 s would end a county's ranking (10,000 projects read, a chart drawn) on a busy machine.
    const recipients = await prisma.$transaction(
      async (tx) => {
        if (!(await claim(tx, occurrence, now))) return null;
        return runOne(tx, occurrence, now, policy, calendar, logger);
      },
      { timeout: OCCURRENCE_TIMEOUT_MS },
    );
    if (recipients === null) continue;
    sent.push(occurrence.key);
    logger?.info({ occurrence: occurrence.key, late: occurrence.late, recipients }, 'schedule sent');
  }
  return sent;
}

/** True for the one instance whose row went in. */
const claim = (tx: Tx, occurrence: Pick<Occurrence, 'job' | 'slot'>, now: Date) => claimScheduleRun(tx, occurrence.job, occurrence.slot, now);

async function runOne(
  tx: Tx,
  occurrence: DueOccurrence,
  now: Date,
  policy: Policy,
  calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>,
  logger: Logger | undefined,
): Promise<number> {
  // One read for the digests; the 22nd's 台账 reads its own (closed problems too) in its job.
  const stored = await loadSnapshot(tx, now);
  const snapshot = quoteSnapshot(stored);
  // The same job's previous run, so a daily job catches up the days the bot was down (domain/schedule/build-digests.ts).
  const previousSlot = await findPreviousFinishedSlot(tx, occurrence.job, occurrence.slot);
  const built = buildDigests({ ...occurrence, previousSlot }, { now, policy, calendar, snapshot });
  await markProblemsDigested(tx, built.problemIds, now);
  // The ranking as the digest gave it, kept for the 看板's 排名 and 单位 pages (prisma/save-month-ranking.ts).
  if (occurrence.purpose === 'ranking') await saveMonthRanking(tx, occurrence.slot, now, rankUnits(snapshot, occurrence.slot, now, calendar));
  // A unit the digests address with no 代办员 (or nobody at all): 重点项目办 and the admin are told once.
  const unitIds = new Set([...snapshot.projects.map((project) => project.leadUnitId), ...snapshot.tasks.map((task) => task.unitId)]);
  await tellRosterGaps(
    tx,
    snapshot.units.flatMap((unit) => {
      const { gap } = unitIds.has(unit.id) ? pickUnitContacts(snapshot.people, unit.id) : { gap: null };
      return gap ? [{ unitId: unit.id, unitName: unit.name, gap }] : [];
    }),
  );
  // Drawn once for all readers (the chart is the same for each); without it the text still goes.
  const readers = await queueDigest(tx, occurrence.key, built.digests, await renderDigestChart(built.chart, logger));
  const recipients = readers.length;
  // The 22nd's ranking carries the whole ledger (台账) to its readers, after the ranking and its chart: built
  // once by a job when this commits, stored once, named in each reader's row (use-cases/send-ranking-ledger-file.ts).
  if (occurrence.purpose === 'ranking')
    await queueRankingLedgerFile(tx, { occurrenceKey: occurrence.key, personIds: [...new Set(readers)], at: now.toISOString() });
  await finishScheduleRun(tx, occurrence.job, occurrence.slot, now);
  await tx.event.create({
    data: {
      at: now,
      actorRole: 'system',
      channel: 'system',
      kind: 'schedule.sent',
      after: { occurrence: occurrence.key, late: occurrence.late, recipients, problems: built.problemIds },
    },
  });
  return recipients;
}
