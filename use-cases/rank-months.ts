// The monthly unit ranking (003 一(三)5(2)) for a run of months, computed exactly as the 22nd's digest
// and the 台账's 排名 sheet compute it (domain/schedule/digests/rank-month.ts rankUnits, on the 台账's
// data, prisma/load-snapshot.ts): a month is ranked as it stood at its ranking run (the policy's day and
// time, monthlyDays.ranking), or now while that run has not come yet. The "bottom three twice" line
// compares a month with the one before it at the same instant a month earlier, as build-ranking.ts does.
import type { LedgerData } from '../domain/ledger/build-ledger.js';
import type { Policy } from '../domain/policy.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { shanghaiDate, shanghaiInstant, clockToMs } from '../domain/calendar/shanghai-time.js';
import { listSchedule } from '../domain/schedule/list-schedule.js';
import { previousMonth } from '../domain/schedule/digests/build-monthly-lists.js';
import { bottomThreeTwice, monthBefore, rankUnits, type MonthRanking } from '../domain/schedule/digests/rank-month.js';
import type { Tx } from '../prisma/open-database.js';
import { loadSnapshot } from '../prisma/load-snapshot.js';
import { ledgerDataOf } from '../domain/ledger/ledger-data-of.js';
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
  data: LedgerData;
  calendar: WorkingCalendar;
}

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

/** The `count` months up to and including `last` (oldest first), each ranked, from one read of the 台账's data. */
export async function rankMonths(tx: Tx, last: string, count: number, now: Date, policy: Policy): Promise<RankedMonths> {
  const months = [last];
  while (months.length < count) months.unshift(previousMonth(months[0]!));
  const first = rankingAsOf(months[0]!, now, policy).asOf;
  // The ledger reads items finished up to 70 days before the instant it is given: the first month's
  // comparison month, a month before it, is covered too.
  const data = ledgerDataOf(await loadSnapshot(tx, first));
  const calendar = await loadWorkingCalendar(tx);
  return {
    months: months.reduce<RankedMonth[]>((ranked, month) => {
      const { asOf, final } = rankingAsOf(month, now, policy);
      const ranking = rankUnits(data, month, asOf, calendar);
      // The month before, ranked at the same instant a month earlier: the previous entry when that was its own run.
      const last = ranked[ranked.length - 1];
      const before = last && last.asOf.getTime() === monthBefore(asOf).getTime() ? last : rankUnits(data, previousMonth(month), monthBefore(asOf), calendar);
      return [...ranked, { month, asOf, final, ...ranking, bottomTwice: bottomThreeTwice(ranking.ranked, before.ranked) }];
    }, []),
    unitNames: new Map(data.units.map((unit) => [unit.id, unit.name])),
    data,
    calendar,
  };
}
