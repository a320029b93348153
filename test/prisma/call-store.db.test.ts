// Every task and call state change goes through the state machine (prisma/call-store.ts): an illegal
// move, or one from a state the row no longer has, is a coded result and writes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../prisma/open-database.js';
import { moveCallRow, moveTaskRow } from '../../prisma/call-store.js';
import { openTestDatabase } from '../support/test-database.js';
import { postCard, seedRoster } from '../cron/escalation-fixtures.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it('moves a task and a call only along the state machine', async () => {
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
