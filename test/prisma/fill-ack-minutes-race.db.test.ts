// 报到 minutes filled once (prisma/fill-ack-minutes.ts): two instances opening the 单位 page at the same
// moment over calls taken before migration 0019 both show the same figures, neither fails on the other's
// locks, and every call ends with the minutes the take would have kept (countOfficeMinutes, rounded).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedProjects } from '../../bench/seed-projects.js';
import { countOfficeMinutes } from '../../domain/calendar/add-office-minutes.js';
import { defaultPolicy } from '../../domain/policy.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { loadUnitService, SERVICE_DAYS } from '../../use-cases/load-unit-service.js';
import { startRaceCluster, type RaceCluster } from '../support/race-cluster.js';

let cluster: RaceCluster;
beforeAll(async () => {
  cluster = await startRaceCluster();
  await seedProjects(cluster.prisma, { projects: 60, tasksPerProject: 5, problemsPerProject: 0, now: cluster.clock.now() });
}, 120_000);
afterAll(async () => {
  await cluster.close();
});

it('fills each taken call once when two instances read the 单位 figures at the same moment, and both show the same', async () => {
  const [one, two] = cluster.instancePrismas as [RaceCluster['prisma'], RaceCluster['prisma']];
  const now = cluster.clock.now();
  const leader = { id: 0, roles: ['main_leader'], unitId: null };
  const [a, b] = await Promise.all([loadUnitService(one, leader, now, defaultPolicy), loadUnitService(two, leader, now, defaultPolicy)]);
  expect(b.units).toEqual(a.units);
  expect(a.units.some((unit) => unit.service.answered > 0)).toBe(true);

  const since = new Date(now.getTime() - SERVICE_DAYS * 86_400_000);
  const calls = await cluster.prisma.call.findMany({ where: { takenAt: { gte: since, lte: now } }, orderBy: { id: 'asc' } });
  expect(calls.length).toBeGreaterThan(100);
  const calendar = await loadWorkingCalendar(cluster.prisma);
  expect(calls.map((call) => call.ackMinutes)).toEqual(
    calls.map((call) => Math.round(countOfficeMinutes(calendar, defaultPolicy.officeHours, call.postedAt, call.takenAt!))),
  );
  // Read again: the same figures from the kept minutes.
  expect((await loadUnitService(two, leader, now, defaultPolicy)).units).toEqual(a.units);
});
