// Ranks the running month ahead of the pages (issue 19 "Speed"): ranking it reads every open item, seconds at
// 10,000 projects, so a beat (cron/refresh-ranking-so-far.ts) re-ranks it once its kept ranking so far is
// REFRESH_AFTER_MS old, and 排名 and the 单位 pages find one younger than RUNNING_KEPT_MS instead of ranking
// it themselves (use-cases/rank-months.ts). One instance ranks at a time: while one holds the advisory lock the
// others skip the beat (PostgreSQL docs "Advisory Locks"; the kept row's ON CONFLICT keeps the newer anyway).
import type { Policy } from '../domain/policy.js';
import type { Db } from '../prisma/open-database.js';
import { tryAdvisoryLock } from '../prisma/try-advisory-lock.js';
import { currentMonth, rankMonths } from './rank-months.js';

export const REFRESH_AFTER_MS = 3 * 60_000;
/** A county's whole set of open items read and ranked outlasts Prisma's default 5 s on a busy machine. */
const TIMEOUT_MS = 60_000;

/** false when another instance was ranking. */
export async function refreshRankingSoFar(prisma: Db, now: Date, policy: Policy): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      if (!(await tryAdvisoryLock(tx, 'ranking-so-far'))) return false;
      await rankMonths(tx, currentMonth(now), 1, now, policy, REFRESH_AFTER_MS);
      return true;
    },
    { timeout: TIMEOUT_MS },
  );
}
