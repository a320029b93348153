// Zhenping's rhythm, run every minute by each instance (bot/app.ts). Exactly once across
// instances: the instance whose INSERT of the occurrence into ScheduleRun succeeds builds and
// queues the messages in that same transaction; the others' INSERT does nothing (ON CONFLICT),
// or waits for the winner's commit and then does nothing, so they skip. A crash before commit
// leaves no row, and the next pass runs it. What an occurrence builds and queues is one use case
// (use-cases/send-schedule-occurrence.ts); this file keeps the beat.
import type { Db, Tx } from '../../prisma/open-database.js';
import { sendScheduleOccurrence } from '../../use-cases/send-schedule-occurrence.js';
import type { Logger } from '../../core/logger.js';
import type { Policy } from '../../domain/policy.js';
import { dueOccurrences } from '../../domain/schedule/due-occurrences.js';
import { listSchedule } from '../../domain/schedule/list-schedule.js';
import type { Occurrence } from '../../domain/schedule/plan-occurrences.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { claimScheduleRun, listRecentRuns } from '../../prisma/schedule-run-store.js';
import { BACKUP_JOB, NIGHTLY_BACKUP_JOB } from '../../prisma/read-health.js';
import { chaseComplaints } from '../chase-complaints.js';
import { remindGreenCardRenewals } from '../remind-green-card-renewals.js';
import { remindRatingComplaints } from '../remind-rating-complaints.js';
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
        return sendScheduleOccurrence(tx, occurrence, { now, policy, calendar, logger });
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
