// The running month's ranking so far is kept RUNNING_KEPT_MS (use-cases/rank-months.ts, prisma/keep-running-ranking.ts):
// two instances ranking it at once keep one row; the newer ranking wins whichever instance writes last; an instance
// whose clock is behind the kept asOf ranks for itself but never replaces the newer row; a later month's row
// replaces the closed month's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy.js';
import { rankMonths, RUNNING_KEPT_MS } from '../../use-cases/rank-months.js';
import { seedProjects } from '../../bench/seed-projects.js';
import { startRaceCluster, type RaceCluster } from '../support/race-cluster.js';

let cluster: RaceCluster;
beforeAll(async () => {
  cluster = await startRaceCluster();
  await seedProjects(cluster.prisma, { projects: 30, tasksPerProject: 4, problemsPerProject: 0, now: cluster.clock.now() });
});
afterAll(async () => {
  await cluster.close();
});

const kept = () => cluster.prisma.$queryRaw<{ month: string; asOf: Date }[]>`SELECT month, "asOf" FROM "RunningRanking" ORDER BY month`;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

it('keeps one ranking so far per month, the newest, when two instances rank it at once', async () => {
  const [one, two] = cluster.instancePrismas as [RaceCluster['prisma'], RaceCluster['prisma']];
  // 2026-12-08: December's ranking (the 22nd) has not run.
  const now = new Date('2026-12-08T10:00:00+08:00');
  const places = (ranked: Awaited<ReturnType<typeof rankMonths>>) => ranked.months[0]!.ranked.map((score) => [score.unitId, score.place, score.service]);
  const [a, b] = await Promise.all([rankMonths(one, '2026-12', 1, now, defaultPolicy), rankMonths(two, '2026-12', 1, now, defaultPolicy)]);
  expect(a.months[0]!.final).toBe(false);
  expect(a.months[0]!.ranked.length).toBeGreaterThan(3);
  expect(places(b)).toEqual(places(a));
  expect(await kept()).toEqual([{ month: '2026-12', asOf: now }]);

  // Within RUNNING_KEPT_MS the other instance reads the kept ranking, taken at `now`.
  const read = await rankMonths(two, '2026-12', 1, at(now, 4), defaultPolicy);
  expect(read.months[0]!.asOf).toEqual(now);
  expect(places(read)).toEqual(places(a));
  expect(read.months[0]!.bottomTwice).toEqual(a.months[0]!.bottomTwice);

  // Past it, both rank again at once, at different instants: the later one is kept.
  const [later] = await Promise.all([rankMonths(one, '2026-12', 1, at(now, 7), defaultPolicy), rankMonths(two, '2026-12', 1, at(now, 6), defaultPolicy)]);
  expect(later.months[0]!.asOf).toEqual(at(now, 7));
  expect(await kept()).toEqual([{ month: '2026-12', asOf: at(now, 7) }]);
  // An instance whose clock is behind the kept asOf ranks at its own instant and leaves the newer row.
  const behind = await rankMonths(two, '2026-12', 1, at(now, 6.5), defaultPolicy);
  expect(behind.months[0]!.asOf).toEqual(at(now, 6.5));
  expect(await kept()).toEqual([{ month: '2026-12', asOf: at(now, 7) }]);
  expect(RUNNING_KEPT_MS).toBe(5 * 60_000);

  // January: December is closed (UnitMonthRank keeps it), so its ranking so far is deleted.
  const january = new Date('2027-01-05T10:00:00+08:00');
  await rankMonths(one, '2027-01', 1, january, defaultPolicy);
  expect(await kept()).toEqual([{ month: '2027-01', asOf: january }]);
});
