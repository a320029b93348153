// Two instances running the escalation cycle at the same moment: FOR UPDATE SKIP LOCKED gives
// each call to one of them, so every step fires exactly once per call, however many items it has. On PostgreSQL (npm run test:pg)
// the two cycles use separate connection pools and truly overlap; PGlite has one connection, so
// there the test only shows that concurrent passes do not double up.
import { expect, it } from 'vitest';
import { openDatabase } from '../../prisma/open-database.js';
import { runEscalationCycle } from '../../cron/run-escalation-cycle.js';
import { createTestDatabaseLocation } from '../support/test-database.js';
import { policy, postCard, seedRoster, taskNumbersShown } from './escalation-fixtures.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

it('fires each step once when two cycles race', { timeout: 60_000 }, async () => {
  const { location, remove } = await createTestDatabaseLocation();
  const first = await openDatabase(location);
  const second = first.kind === 'postgres' ? await openDatabase(location) : first;
  try {
    const ids = await seedRoster(first.prisma);
    const taskIds: number[] = [];
    for (let index = 0; index < 60; index += 1)
      taskIds.push(await postCard(first.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00'), items: ['环境影响评价审批', '排污许可'] }));

    let fired = 0;
    for (const time of ['09:30:00', '09:30:01', '10:00:00', '10:00:01']) {
      const now = at(`2026-03-04T${time}`);
      const counts = await Promise.all([
        runEscalationCycle(first.prisma, { now, policy, batchSize: 7 }),
        runEscalationCycle(second.prisma, { now, policy, batchSize: 7 }),
      ]);
      fired += counts[0] + counts[1];
    }

    expect(fired).toBe(120);
    const events = await first.prisma.event.findMany({ where: { kind: 'task.escalated' }, select: { taskId: true, after: true } });
    const keys = events.map((event) => `${event.taskId}:${(event.after as { escalationStep: number }).escalationStep}`);
    expect(new Set(keys).size).toBe(120);
    expect(keys).toHaveLength(120);
    // Three people at step 1 and two at step 2 are each shown both items of each of the 60 calls once.
    const shown = await taskNumbersShown(first.prisma);
    const expected = ['agent', 'unit.leader', 'window', 'leader', 'office'].flatMap((who) => taskIds.flatMap((id) => [`${who} T${id}`, `${who} T${id + 1}`]));
    expect([...shown.keys()].sort()).toEqual(expected.sort());
    expect([...shown.values()].filter((count) => count !== 1)).toEqual([]);
  } finally {
    if (second !== first) await second.close();
    await first.close();
    await remove();
  }
});
