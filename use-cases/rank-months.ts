// The monthly unit ranking (003 一(三)5(2)) for a run of months, computed exactly as the 22nd's digest
// and the 台账's 排名 sheet compute it (domain/schedule/digests/rank-month.ts rankUnits, on the 台账's
// data, prisma/load-snapshot.ts): a month is ranked as it stood at its ranking run (the policy's day and
// time, monthlyDays.ranking), or now while that run has not come yet. The "bottom three twice" line
// compares a month with the one before it at the same instant a month earlier, as build-ranking.ts does.
// The running month's ranking so far is kept RUNNING_KEPT_MS (prisma/keep-running-ranking.ts, docs/domain.md
// 排名): ranking it reads every open item, too slow for each request (issue 19 "Speed", BENCHMARKS.md).
import type { Policy } from '../domain/policy.js';
import { shanghaiDate, shanghaiInstant, clockToMs } from '../domain/calendar/shanghai-time.js';
import { listSchedule } from '../domain/schedule/list-schedule.js';
import { previousMonth } from '../domain/schedule/digests/build-monthly-lists.js';
import { bottomThreeTwice, monthBefore, rankUnits, type MonthRanking } from '../domain/schedule/digests/rank-month.js';
import type { Tx } from '../prisma/open-database.js';
import { loadRankingData } from '../prisma/load-ranking-data.js';
import { readMonthRankings } from '../prisma/read-month-rankings.js';
import { saveMonthRanking } from '../prisma/save-month-ranking.js';
import { readRunningRanking, type KeptRanking } from '../prisma/read-running-ranking.js';
import { keepRunningRanking } from '../prisma/keep-running-ranking.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

export interface RankedMonth extends MonthRanking {
  month: string;
  asOf: Date;
  /** false while the month's ranking run has not come: the ranking so far. */
  final: boolean;
  /** Units in the bottom three of this month and the one before (003 二(四)). */
  bottomTwice: number[];
}

export interface RankedMonths {
  months: RankedMonth[];
  unitNames: Map<number, string>;
}

/** How long a running month's ranking so far is shown before it is ranked again: a change shows within this. */
export const RUNNING_KEPT_MS = 5 * 60_000;

/** `YYYY-MM` of the Shanghai date of `now`. */
export function currentMonth(now: Date): string {
  return shanghaiDate(now).slice(0, 7);
}

/** When the month's ranking runs (the 22nd at monthlyTime by default), or now if that is later than now. */
export function rankingAsOf(month: string, now: Date, policy: Policy): { asOf: Date; final: boolean } {
  const entry = listSchedule(policy).find((step) => step.purpose === 'ranking');
  const run = entry && entry.period === 'month' ? shanghaiInstant(`${month}-${String(entry.day).padStart(2, '0')}`, clockToMs(entry.time)) : now;
  return run.getTime() <= now.getTime() ? { asOf: run, final: true } : { asOf: now, final: false };
}

/**
 * The `count` months up to and including `last` (oldest first), each ranked. A month whose ranking has run is
 * read as it was kept (UnitMonthRank: the 22nd's run writes it, prisma/save-month-ranking.ts); one ranked
 * before those rows existed is ranked here once and kept. A month still running is read as it was ranked
 * less than RUNNING_KEPT_MS ago (its asOf is that instant), else ranked now, from only the columns the ranking
 * reads (prisma/load-ranking-data.ts), and kept. Every figure comes from rankUnits: the kept rows are its output.
 */
/** `keptForMs`: how old a kept ranking so far may be to be read (the background refresh passes less). */
export async function rankMonths(tx: Tx, last: string, count: number, now: Date, policy: Policy, keptForMs = RUNNING_KEPT_MS): Promise<RankedMonths> {
  const months = [last];
  while (months.length < count) months.unshift(previousMonth(months[0]!));
  // The month before the first too: "bottom three twice" compares each month with the one before it.
  const all = [previousMonth(months[0]!), ...months].map((month) => ({ month, ...rankingAsOf(month, now, policy) }));
  const stored = await readMonthRankings(
    tx,
    all.filter((entry) => entry.final).map((entry) => entry.month),
  );
  // The running month's ranking so far, if it was kept less than RUNNING_KEPT_MS ago (a kept asOf after now,
  // from an instance whose clock is ahead, is not used).
  const fresh = new Map<string, KeptRanking>();
  for (const { month, final } of all.slice(1)) {
    if (final) continue;
    const kept = await readRunningRanking(tx, month);
    const age = kept ? now.getTime() - kept.asOf.getTime() : -1;
    if (kept && age >= 0 && age < keptForMs) fresh.set(month, kept);
  }
  const missing = all.filter((entry) => (entry.final ? !stored.has(entry.month) : !fresh.has(entry.month)));
  let compute: ((month: string, asOf: Date) => MonthRanking) | null = null;
  if (missing.length > 0) {
    // The ranking reads items finished in the month before its instant: 70 days before the earliest covers
    // that month and, for a running month, the month before it ranked a month earlier.
    const since = new Date(Math.min(...missing.map((entry) => entry.asOf.getTime())) - 70 * 86_400_000);
    const data = await loadRankingData(tx, since);
    const calendar = await loadWorkingCalendar(tx);
    compute = (month, asOf) => rankUnits(data, month, asOf, calendar);
  }
  const ranked: RankedMonth[] = [];
  let before: (MonthRanking & { asOf: Date }) | null = null;
  for (const { month, asOf: due, final } of all) {
    let ranking: MonthRanking & { asOf: Date };
    if (final && stored.has(month)) ranking = stored.get(month)!;
    else if (!final && fresh.has(month)) ranking = fresh.get(month)!;
    else {
      ranking = { ...compute!(month, due), asOf: due };
      if (final) await saveMonthRanking(tx, month, due, ranking);
    }
    if (month !== all[0]!.month) {
      const kept = final ? undefined : fresh.get(month);
      let bottomTwice = kept?.bottomTwice;
      if (!bottomTwice) {
        // A running month is compared with the month before as it stood a month earlier, as build-ranking.ts does on the 22nd.
        const previous = final || !before ? before : compute!(previousMonth(month), monthBefore(due));
        bottomTwice = bottomThreeTwice(ranking.ranked, previous?.ranked ?? []);
        if (!final) await keepRunningRanking(tx, month, { asOf: due, ranked: ranking.ranked, idle: ranking.idle, bottomTwice });
      }
      ranked.push({ month, asOf: ranking.asOf, final, ranked: ranking.ranked, idle: ranking.idle, bottomTwice });
    }
    before = ranking;
  }
  const units = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Unit" ORDER BY id`;
  return { months: ranked, unitNames: new Map(units.map((unit) => [unit.id, unit.name])) };
}
