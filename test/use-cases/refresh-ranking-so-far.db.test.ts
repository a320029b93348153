// The background beat keeps the running month's ranking so far young (use-cases/refresh-ranking-so-far.ts):
// it re-ranks once the kept ranking is REFRESH_AFTER_MS old, so a page (which reads one younger than
// RUNNING_KEPT_MS) never ranks; while one instance ranks, another skips the beat.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy.js';
import { rankMonths, RUNNING_KEPT_MS } from '../../use-cases/rank-months.js';
import { refreshRankingSoFar, REFRESH_AFTER_MS } from '../../use-cases/refresh-ranking-so-far.js';
import { tryAdvisoryLock } from '../../prisma/try-advisory-lock.js';
import { seedProjects } from '../../bench/seed-projects.js';
import { startRaceCluster, type RaceCluster } from '../support/race-cluster.js';

let cluster: RaceCluster;
beforeAll(async () => {
  cluster = await startRaceCluster();
  await seedProjects(cluster.prisma, { projects: 20, tasksPerProject: 4, problemsPerProject: 0, now: cluster.clock.now() });
});
afterAll(async () => {
  await cluster.close();
});

const keptAsOf = async () => (await cluster.prisma.$queryRaw<{ asOf: Date }[]>`SELECT "asOf" FROM "RunningRanking" WHERE month = '2026-12'`)[0]?.asOf;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

it('re-ranks the month so far once it is three minutes old, and the page then reads it without ranking', async () => {
  expect(REFRESH_AFTER_MS).toBeLessThan(RUNNING_KEPT_MS);
  const now = new Date('2026-12-08T10:00:00+08:00');
  expect(await refreshRankingSoFar(cluster.prisma, now, defaultPolicy)).toBe(true);
  expect(await keptAsOf()).toEqual(now);
  await refreshRankingSoFar(cluster.prisma, at(now, 2), defaultPolicy);
  expect(await keptAsOf()).toEqual(now);
  await refreshRankingSoFar(cluster.prisma, at(now, 3), defaultPolicy);
  expect(await keptAsOf()).toEqual(at(now, 3));
  // A page a minute after the beat shows the beat's ranking, 截至 10:03.
  const page = await rankMonths(cluster.prisma, '2026-12', 1, at(now, 4), defaultPolicy);
  expect(page.months[0]!.asOf).toEqual(at(now, 3));
});

it.runIf(process.env.TEST_DATABASE_URL)('skips the beat on one instance while another is ranking', async () => {
  const [one, two] = cluster.instancePrismas as [RaceCluster['prisma'], RaceCluster['prisma']];
  const now = new Date('2026-12-08T11:00:00+08:00');
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked: (value: boolean) => void = () => {};
  const lockTaken = new Promise<boolean>((resolve) => (locked = resolve));
  const ranking = one.$transaction(async (tx) => {
    locked(await tryAdvisoryLock(tx, 'ranking-so-far'));
    await held;
  });
  expect(await lockTaken).toBe(true);
  expect(await refreshRankingSoFar(two, now, defaultPolicy)).toBe(false);
  expect(await keptAsOf()).not.toEqual(now);
  release();
  await ranking;
  expect(await refreshRankingSoFar(two, now, defaultPolicy)).toBe(true);
  expect(await keptAsOf()).toEqual(now);
});
