// The beat that keeps the running month's ranking so far young, each minute on every instance
// (use-cases/refresh-ranking-so-far.ts says why and which instance ranks).
import type { Policy } from '../domain/policy.js';
import type { Db } from '../prisma/open-database.js';
import { refreshRankingSoFar } from '../use-cases/refresh-ranking-so-far.js';

export const RANKING_REFRESH_CYCLE_MS = 60_000;

export async function keepRankingSoFarYoung(prisma: Db, now: Date, policy: Policy): Promise<void> {
  await refreshRankingSoFar(prisma, now, policy);
}
