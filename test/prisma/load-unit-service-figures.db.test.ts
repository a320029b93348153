// The 单位 pages' figures counted by the database (prisma/load-unit-service-figures.ts) against the rule
// they were moved from (domain/units/summarize-unit-service.ts) on the same items: a seeded county's worth
// of cards taken, untaken, finished on time and late, plus a unit with an even number of 报到 times (the
// nearest-rank median is the lower middle one, not their mean) and items finished around Shanghai midnight.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedProjects } from '../../bench/seed-projects.js';
import { defaultPolicy } from '../../domain/policy.js';
import { summarizeUnitService } from '../../domain/units/summarize-unit-service.js';
import type { Database } from '../../prisma/open-database.js';
import { loadServedTasks } from '../support/load-served-tasks.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { loadUnitService, SERVICE_DAYS } from '../../use-cases/load-unit-service.js';
import { openTestDatabaseWithRoster } from '../support/test-database.js';

let database: Database;
// Tuesday 2026-11-24 02:30 in Shanghai, still Monday in UTC: dates taken in UTC would be a day off.
const now = new Date('2026-11-23T18:30:00Z');
const since = new Date(now.getTime() - SERVICE_DAYS * 86_400_000);
const leader = { id: 0, roles: ['main_leader'], unitId: null };

beforeAll(async () => {
  database = await openTestDatabaseWithRoster();
  const { prisma } = database;
  await seedProjects(prisma, { projects: 40, tasksPerProject: 6, problemsPerProject: 0, now });
  // One more unit's four cards, one item each, taken 10, 20, 30 and 40 office minutes after 派单 on Friday
  // 2026-11-20 (Shanghai office hours 08:30–12:00), the items finished just before and just after
  // Shanghai midnight of their due date.
  const [unit] = await prisma.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Unit" WHERE id NOT IN (SELECT DISTINCT "unitId" FROM "Task") ORDER BY id LIMIT 1`;
  const project = await prisma.project.findFirstOrThrow({ orderBy: { id: 'asc' } });
  for (const [index, minutes] of [10, 20, 30, 40].entries()) {
    const postedAt = new Date('2026-11-20T01:00:00Z');
    const takenAt = new Date(postedAt.getTime() + minutes * 60_000);
    const call = await prisma.call.create({
      data: { projectId: project.id, unitId: unit!.id, state: 'taken', postedAt, ackDueAt: new Date(postedAt.getTime() + 30 * 60_000), takenAt },
    });
    await prisma.task.create({
      data: {
        projectId: project.id,
        unitId: unit!.id,
        callId: call.id,
        itemCode: `even${index}`,
        itemName: `偶数${index}`,
        phase: 1,
        state: 'done',
        postedAt,
        takenAt,
        dueOn: new Date('2026-11-22T00:00:00Z'),
        // 15:59 and 16:00 UTC: 23:59 on the due date and 00:00 the day after, in Shanghai.
        doneAt: new Date(index % 2 === 0 ? '2026-11-22T15:59:00Z' : '2026-11-22T16:00:00Z'),
      },
    });
  }
}, 120_000);
afterAll(async () => {
  await database.close();
});

it('gives every unit the figures the rule in domain/units gives on the same items', async () => {
  const { prisma } = database;
  const view = await loadUnitService(prisma, leader, now, defaultPolicy);
  const unitIds = view.units.map((unit) => unit.id);
  const expected = summarizeUnitService(await loadServedTasks(prisma, unitIds, since), unitIds, {
    since,
    now,
    calendar: await loadWorkingCalendar(prisma),
    officeHours: defaultPolicy.officeHours,
  });
  expect(view.units.map((unit) => unit.service)).toEqual(expected);
  // The seed gave the comparison something to compare: every kind of figure is non-zero somewhere.
  for (const figure of ['answered', 'untaken', 'onTime', 'late', 'overdue'] as const)
    expect(
      expected.some((unit) => unit[figure] > 0),
      figure,
    ).toBe(true);
  expect(new Set(expected.map((unit) => unit.medianMinutes)).size).toBeGreaterThan(2);
});

it('takes the lower middle of an even count as the median, and counts a Shanghai date for on time', async () => {
  const { prisma } = database;
  const even = (await loadUnitService(prisma, leader, now, defaultPolicy)).units.find((unit) => unit.service.answered === 4 && unit.service.late === 2);
  expect(even?.service).toMatchObject({ answered: 4, medianMinutes: 20, p90Minutes: 40, onTime: 2, late: 2, untaken: 0, overdue: 0 });
});

it('keeps the filled 报到 minutes: a second read computes none', async () => {
  const { prisma } = database;
  await loadUnitService(prisma, leader, now, defaultPolicy);
  const [{ unfilled }] = (await prisma.$queryRaw<{ unfilled: number }[]>`
    SELECT count(*)::int AS unfilled FROM "Call" WHERE "takenAt" >= ${since} AND "takenAt" <= ${now} AND "ackMinutes" IS NULL`) as [{ unfilled: number }];
  expect(unfilled).toBe(0);
});
