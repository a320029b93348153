// The lights of 总览 and the lists come from the few items that decide each light
// (prisma/load-light-inputs.ts), not from every open item: the one rule (domain/project/project-light.ts)
// must give the same light either way. Random projects and items — every item state, missing promised
// dates, paused items (some paused together), deadlines around today and across the 国庆节 holiday —
// lit by the 进度 card (every item of the project) and by the reduced inputs, at instants before, in
// and after the holiday.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../prisma/open-database.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { taskStates } from '../../domain/task/task-state.js';
import type { Light } from '../../domain/project/traffic-light.js';
import { countProjectLights } from '../../use-cases/count-project-lights.js';
import { loadProjectLights } from '../../use-cases/load-project-lights.js';
import { loadStatusTasks, projectStatus } from '../../use-cases/load-project-status.js';
import { openTestDatabase } from '../support/test-database.js';
import { policy } from '../cron/escalation-fixtures.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const DAY = 86_400_000;
// Wednesday 2026-09-30 10:00 in Shanghai, the eve of the 国庆节 week.
const base = Date.parse('2026-09-30T02:00:00Z');
const instants = ['2026-09-28T01:00:00Z', '2026-09-30T02:00:00Z', '2026-09-30T15:59:00Z', '2026-10-04T02:00:00Z', '2026-10-09T08:00:00Z'];

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const days = (from: number, to: number) => new Date(base + Math.round((from + next() * (to - from)) * DAY));
  const date = (from: number, to: number) => new Date(`${days(from, to).toISOString().slice(0, 10)}T00:00:00Z`);
  const maybe = <T>(share: number, value: () => T): T | null => (next() < share ? value() : null);
  return { next, pick, days, date, maybe };
}

it('lights every project as the full rule does, from the reduced inputs', async () => {
  const r = random(19);
  const unit = await db.prisma.unit.create({ data: { name: '市自然资源局', key: '自然资源局' } });
  // Rows made first and written in a few statements: per-row inserts would take most of the test's time.
  const projectRows = Array.from({ length: 240 }, (_, index) => {
    const acceptedAt = r.maybe(0.6, () => r.days(-6, 0));
    const teamFormedAt = acceptedAt && r.maybe(0.6, () => new Date(acceptedAt.getTime() + r.next() * 3 * DAY));
    return {
      name: `随机项目${index}`,
      investmentWan: 1000,
      stage: r.pick(['signed', 'signed', 'started', 'producing', 'enrolled']),
      service: r.pick(['unaccepted', 'accepted', 'approving', 'approving', 'closed', 'terminated']),
      // 90 working days after signing and 50 after land listing fall around today.
      signedOn: r.maybe(0.7, () => r.date(-150, -110)),
      landListedOn: r.maybe(0.3, () => r.date(-85, -60)),
      acceptedAt,
      teamFormedAt,
      planMadeAt: teamFormedAt && r.maybe(0.5, () => new Date(teamFormedAt.getTime() + DAY)),
    };
  });
  const items = (await db.prisma.project.createManyAndReturn({ data: projectRows, select: { id: true } })).flatMap(({ id: projectId }) => {
    const pausedTogether = r.days(-8, 0);
    return Array.from({ length: Math.floor(r.next() * 9) }, (_, item) => {
      const state = r.pick(taskStates);
      return {
        call: { projectId, unitId: unit.id, postedAt: r.days(-20, 0), ackDueAt: r.days(-2, 2), state: state === 'posted' ? 'posted' : 'taken' },
        task: {
          projectId,
          unitId: unit.id,
          itemCode: `x${item}`,
          itemName: `事项${item}`,
          phase: 1,
          state,
          dueOn: r.maybe(0.8, () => r.date(-6, 14)),
          suspendedAt: state === 'suspended' ? r.maybe(0.8, () => (r.next() < 0.5 ? pausedTogether : r.days(-10, 0))) : null,
        },
      };
    });
  });
  const calls = await db.prisma.call.createManyAndReturn({ data: items.map(({ call }) => call), select: { id: true, postedAt: true } });
  await db.prisma.task.createMany({ data: items.map(({ task }, index) => ({ ...task, callId: calls[index]!.id, postedAt: calls[index]!.postedAt })) });

  const seen = await db.prisma.$transaction(async (tx) => {
    const calendar = await loadWorkingCalendar(tx);
    const projects = await tx.project.findMany({ orderBy: { id: 'asc' } });
    const tasks = await loadStatusTasks(
      tx,
      projects.map((project) => project.id),
    );
    const leader = { id: 0, name: '主要领导', roles: ['main_leader' as const], unitId: null };
    const results = [];
    for (const at of instants) {
      const context = { now: new Date(at), policy, calendar };
      const full = new Map(
        projects.map((project) => [
          project.id,
          projectStatus(
            project,
            tasks.filter((task) => task.projectId === project.id),
            context,
          ).light,
        ]),
      );
      const counted: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
      for (const project of projects)
        if (project.service !== 'terminated' && !(project.service === 'closed' && project.stage === 'enrolled')) counted[full.get(project.id)!] += 1;
      results.push({ at, full, reduced: await loadProjectLights(tx, projects, context), counted, counts: await countProjectLights(tx, leader, context) });
    }
    return results;
  });

  for (const { at, full, reduced, counted, counts } of seen) {
    expect({ at, lights: [...reduced] }).toEqual({ at, lights: [...full] });
    expect({ at, counts }).toEqual({ at, counts: counted });
  }
  // The cases are varied enough to mean something: every light occurs.
  expect(seen.some(({ counts }) => counts.red > 0 && counts.yellow > 0 && counts.green > 0)).toBe(true);
}, 120_000);
