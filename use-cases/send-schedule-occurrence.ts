// One due occurrence of Zhenping's rhythm (a daily or weekly digest, the Wednesday leaders' digest, the 22nd's
// ranking), inside the transaction whose claim of it succeeded (cron/schedules/run-schedules.ts keeps only the
// beat and the claim): read the snapshot once, build the digests (domain/schedule/build-digests.ts), mark the
// problems they carried, tell who nobody reads, queue the digests and their chart. The 22nd's ranking also keeps
// the month's ranking for the 看板 (prisma/save-month-ranking.ts) and queues its 台账 file as a job
// (use-cases/send-ranking-ledger-file.ts), then the run is marked finished and the Event log records it.
import type { Tx } from '../prisma/open-database.js';
import type { Logger } from '../core/logger.js';
import type { Policy } from '../domain/policy.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import type { DueOccurrence } from '../domain/schedule/due-occurrences.js';
import { buildDigests } from '../domain/schedule/build-digests.js';
import { pickUnitContacts } from '../domain/roster/pick-unit-contacts.js';
import { quoteSnapshot } from '../domain/schedule/quote-snapshot.js';
import { rankUnits } from '../domain/schedule/digests/rank-month.js';
import { tellRosterGaps } from '../core/recipients/tell-roster-gaps.js';
import { loadSnapshot } from '../prisma/load-snapshot.js';
import { saveMonthRanking } from '../prisma/save-month-ranking.js';
import { findPreviousFinishedSlot, finishScheduleRun } from '../prisma/schedule-run-store.js';
import { markProblemsDigested } from '../prisma/mark-problems-digested.js';
import { recordEvents } from '../prisma/event-store.js';
import { queueRankingLedgerFile } from './send-ranking-ledger-file.js';
import { queueDigest } from './queue-digest.js';
import { renderDigestChart } from './render-digest-chart.js';

export interface OccurrenceOptions {
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
  logger?: Logger;
}

/** Builds and queues the occurrence in the caller's transaction; returns how many readers it was queued to. */
export async function sendScheduleOccurrence(tx: Tx, occurrence: DueOccurrence, { now, policy, calendar, logger }: OccurrenceOptions): Promise<number> {
  // One read for the digests; the 22nd's 台账 reads its own (closed problems too) in its job.
  const snapshot = quoteSnapshot(await loadSnapshot(tx, now));
  // The same job's previous run, so a daily job catches up the days the bot was down (domain/schedule/build-digests.ts).
  const previousSlot = await findPreviousFinishedSlot(tx, occurrence.job, occurrence.slot);
  const built = buildDigests({ ...occurrence, previousSlot }, { now, policy, calendar, snapshot });
  await markProblemsDigested(tx, built.problemIds, now);
  const ranking = occurrence.purpose === 'ranking';
  // The ranking as the digest gave it, kept for the 看板's 排名 and 单位 pages (prisma/save-month-ranking.ts).
  if (ranking) await saveMonthRanking(tx, occurrence.slot, now, rankUnits(snapshot, occurrence.slot, now, calendar));
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
  if (ranking) await queueRankingLedgerFile(tx, { occurrenceKey: occurrence.key, personIds: [...new Set(readers)], at: now.toISOString() });
  await finishScheduleRun(tx, occurrence.job, occurrence.slot, now);
  await recordEvents(tx, [
    {
      at: now,
      actorRole: 'system',
      channel: 'system',
      kind: 'schedule.sent',
      after: { occurrence: occurrence.key, late: occurrence.late, recipients, problems: built.problemIds },
    },
  ]);
  return recipients;
}
