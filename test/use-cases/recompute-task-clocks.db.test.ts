// A changed policy (POLICY_FILE, read at start) or calendar moves every open deadline: a posted
// call's report deadline and its timer, a taken call's deadline only, a taken item's due date —
// and a second pass moves nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../prisma/open-database.js';
import { recomputeTaskClocks } from '../../use-cases/recompute-task-clocks.js';
import { openTestDatabase } from '../support/test-database.js';
import { policy, postCard, seedRoster } from '../cron/escalation-fixtures.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

// Monday 2026-11-23 10:00 in Shanghai: 30 office minutes later is 10:30, 60 is 11:00.
const postedAt = new Date('2026-11-23T02:00:00Z');
const now = new Date('2026-11-23T02:10:00Z');

it('moves open deadlines to a new policy in one pass, and nothing on the next', async () => {
  const at = await seedRoster(db.prisma);
  const waiting = await postCard(db.prisma, { ...at, postedAt, items: ['环境影响评价审批', '排污许可'] });
  const taken = await postCard(db.prisma, { ...at, postedAt });
  const takenTask = await db.prisma.task.update({
    where: { id: taken },
    data: { state: 'taken', takenAt: new Date('2026-11-23T02:05:00Z'), promisedDays: 5, dueOn: new Date('2026-12-31T00:00:00Z') },
  });
  await db.prisma.call.update({ where: { id: takenTask.callId }, data: { state: 'taken', takenAt: takenTask.takenAt, nextEscalationAt: null } });

  const moved = await db.prisma.$transaction((tx) => recomputeTaskClocks(tx, { ...policy, ackTimeoutMinutes: 60 }, now));

  // Both items of the waiting call and the taken item (its call's deadline and its own due date).
  expect(moved).toBe(3);
  const calls = await db.prisma.call.findMany({ orderBy: { id: 'asc' } });
  expect(calls.map((call) => [call.state, call.ackDueAt.toISOString(), call.nextEscalationAt?.toISOString() ?? null])).toEqual([
    ['posted', '2026-11-23T03:00:00.000Z', '2026-11-23T03:00:00.000Z'],
    ['taken', '2026-11-23T03:00:00.000Z', null],
  ]);
  // Taken on Monday with 5 working days promised: due the next Monday, not the wrong date it had.
  expect((await db.prisma.task.findUniqueOrThrow({ where: { id: taken } })).dueOn?.toISOString().slice(0, 10)).toBe('2026-11-30');
  expect((await db.prisma.task.findUniqueOrThrow({ where: { id: waiting } })).dueOn).toBeNull();

  expect(await db.prisma.$transaction((tx) => recomputeTaskClocks(tx, { ...policy, ackTimeoutMinutes: 60 }, now))).toBe(0);
});
