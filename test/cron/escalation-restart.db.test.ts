// Timers are rows, so a restart loses none: 100 cards that came due while the server was down
// each escalate exactly once on the first cycle after start, and not again on the next.
import { expect, it } from 'vitest';
import { openDatabase } from '../../prisma/open-database.js';
import { runEscalationCycle } from '../../cron/run-escalation-cycle.js';
import { createTestDatabaseLocation } from '../support/test-database.js';
import { policy, postCard, seedRoster, taskNumbersShown } from './escalation-fixtures.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

it('escalates each of 100 cards due during downtime exactly once after restart', { timeout: 60_000 }, async () => {
  const { location, remove } = await createTestDatabaseLocation();
  try {
    const before = await openDatabase(location);
    const ids = await seedRoster(before.prisma);
    // Five cards a minute from 09:00 to 09:19; the server stops right after.
    const taskIds: number[] = [];
    for (let index = 0; index < 100; index += 1) {
      taskIds.push(await postCard(before.prisma, { ...ids, postedAt: at(`2026-03-04T09:${String(index % 20).padStart(2, '0')}:00`) }));
    }
    await before.close();

    // Back at 10:05: every card passed step 1 (09:30–09:49); those posted 09:00–09:05 passed
    // step 2 (10:00–10:05) as well.
    const after = await openDatabase(location);
    try {
      const fired = await runEscalationCycle(after.prisma, { now: at('2026-03-04T10:05:00'), policy, batchSize: 30 });
      expect(await runEscalationCycle(after.prisma, { now: at('2026-03-04T10:05:01'), policy })).toBe(0);

      const steps = await after.prisma.event.groupBy({ by: ['taskId'], where: { kind: 'task.escalated' }, _count: { _all: true } });
      expect(steps).toHaveLength(100);
      expect(steps.filter((row) => row._count._all === 1)).toHaveLength(70);
      expect(steps.filter((row) => row._count._all === 2)).toHaveLength(30);
      expect(fired).toBe(130);
      // Each person is told of a batch's calls in one notice, which names every task once.
      const shown = await taskNumbersShown(after.prisma);
      expect(taskIds.filter((id) => shown.get(`agent T${id}`) !== 1)).toEqual([]);
      expect(taskIds.filter((id) => shown.has(`office T${id}`))).toHaveLength(30);
      expect([...shown.values()].filter((count) => count !== 1)).toEqual([]);
      expect(
        await after.prisma.outbox.count({ where: { personId: (await after.prisma.account.findFirstOrThrow({ where: { account: 'agent' } })).personId } }),
      ).toBe(4);
      expect(await after.prisma.call.count({ where: { escalationStep: 0 } })).toBe(0);
    } finally {
      await after.close();
    }
  } finally {
    await remove();
  }
});
