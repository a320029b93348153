// A closed month ranked before UnitMonthRank existed is ranked on first read and kept (use-cases/rank-months.ts,
// prisma/save-month-ranking.ts): two instances opening its 排名 page at the same moment both show the same
// ranking, and the month is kept once — one row per unit, whichever instance wrote first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy.js';
import { rankMonths } from '../../use-cases/rank-months.js';
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

it('keeps a closed month once when two instances rank it at the same moment, and both show the same places', async () => {
  const [one, two] = cluster.instancePrismas as [RaceCluster['prisma'], RaceCluster['prisma']];
  const now = cluster.clock.now();
  // 2026-11-23: November's ranking (the 22nd) has run, October's too.
  const [a, b] = await Promise.all([rankMonths(one, '2026-11', 2, now, defaultPolicy), rankMonths(two, '2026-11', 2, now, defaultPolicy)]);
  const places = (ranked: typeof a) => ranked.months.map((month) => month.ranked.map((score) => [score.unitId, score.place, score.service]));
  expect(a.months.map((month) => month.final)).toEqual([true, true]);
  expect(a.months[1]!.ranked.length).toBeGreaterThan(3);
  expect(places(b)).toEqual(places(a));
  const rows = await cluster.prisma.$queryRaw<{ month: string; units: number; distinctUnits: number }[]>`
    SELECT month, count(*)::int AS units, count(DISTINCT "unitId")::int AS "distinctUnits" FROM "UnitMonthRank" GROUP BY month ORDER BY month`;
  // October, November, and September (the month before the first, for "bottom three twice").
  expect(rows.map((row) => row.month)).toEqual(['2026-09', '2026-10', '2026-11']);
  for (const row of rows) expect(row.units).toBe(row.distinctUnits);
  const november = rows.find((row) => row.month === '2026-11')!;
  expect(november.units).toBe(a.months[1]!.ranked.length + a.months[1]!.idle.length);
  // Read again, the kept rows give the same ranking, bottom-three line included.
  const again = await rankMonths(one, '2026-11', 2, now, defaultPolicy);
  expect(places(again)).toEqual(places(a));
  expect(again.months.map((month) => month.bottomTwice)).toEqual(a.months.map((month) => month.bottomTwice));
});
