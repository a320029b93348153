// Every task and call state change goes through the state machine (prisma/call-store.ts): an illegal
// move, or one from a state the row no longer has, is a coded result and writes nothing. The timer
// columns take Date values: what the escalation cycle writes is the instant it meant, to the millisecond.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../prisma/open-database.js';
import { claimDueCalls, moveCallRow, moveTaskRow, recordEscalatedSteps } from '../../prisma/call-store.js';
import { openTestDatabase } from '../support/test-database.js';
import { postCard, seedRoster } from '../cron/escalation-fixtures.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it('claims a call when its next escalation comes, not a millisecond before, and stops once no step is left', async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Event", "Outbox", "Task", "Call", "Project", "Person", "Unit" RESTART IDENTITY CASCADE');
  const at = await seedRoster(db.prisma);
  const taskId = await postCard(db.prisma, { ...at, postedAt: new Date('2026-03-04T01:00:00Z') });
  const { callId } = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
  const next = new Date('2026-03-05T02:03:04.567Z');
  const claim = (now: Date) => db.prisma.$transaction((tx) => claimDueCalls(tx, now, 10));
  await db.prisma.$transaction((tx) => recordEscalatedSteps(tx, [{ id: callId, step: 1, nextAt: next }], new Date('2026-03-04T03:00:00.123Z')));
  expect(await claim(new Date(next.getTime() - 1))).toEqual([]);
  expect(await claim(next)).toEqual([callId]);
  await db.prisma.$transaction((tx) => recordEscalatedSteps(tx, [{ id: callId, step: 2, nextAt: null }], next));
  expect(await claim(new Date('2030-01-01T00:00:00Z'))).toEqual([]);
  const call = await db.prisma.call.findUniqueOrThrow({ where: { id: callId } });
  expect([call.escalationStep, call.nextEscalationAt, call.updatedAt]).toEqual([2, null, next]);
});

it('moves a task and a call only along the state machine', async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Event", "Outbox", "Task", "Call", "Project", "Person", "Unit" RESTART IDENTITY CASCADE');
  const at = await seedRoster(db.prisma);
  const taskId = await postCard(db.prisma, { ...at, postedAt: new Date('2026-11-23T02:00:00Z') });
  const { callId } = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
  const doneAt = new Date('2026-11-23T03:00:00Z');
  await db.prisma.$transaction(async (tx) => {
    // 办结 of a card nobody took: refused, nothing written.
    expect(await moveTaskRow(tx, { id: taskId, state: 'posted' }, 'finish', { doneAt })).toEqual({ ok: false, code: 'ILLEGAL_MOVE', state: 'posted' });
    // A move from a state the row no longer has (read before someone else's move): refused with the state it has.
    expect(await moveTaskRow(tx, { id: taskId, state: 'taken' }, 'finish', { doneAt })).toEqual({ ok: false, code: 'ILLEGAL_MOVE', state: 'posted' });
    expect(await moveCallRow(tx, { id: callId, state: 'posted' }, 'take')).toEqual({ ok: true, to: 'taken' });
    expect(await moveTaskRow(tx, { id: taskId, state: 'posted' }, 'take')).toEqual({ ok: true, to: 'taken' });
    expect(await moveCallRow(tx, { id: callId, state: 'taken' }, 'cancel')).toEqual({ ok: false, code: 'ILLEGAL_MOVE', state: 'taken' });
  });
  const task = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: { call: true } });
  expect([task.state, task.doneAt, task.call.state]).toEqual(['taken', null, 'taken']);
});
