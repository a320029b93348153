// Issue 18 item 1: a card nobody takes is chased each working morning until it is taken — the
// agent and the 责任领导 every working day after the posting day, 重点项目办 and the project's
// leader as 督办 from the 3rd working day — each step once though two instances run every cycle
// (on PostgreSQL, `scripts/with-postgres.sh`, two pools truly overlapping), and nothing once taken.
import { expect, it } from 'vitest';
import { openDatabase } from '../../prisma/open-database.js';
import { runEscalationCycle } from '../../cron/run-escalation-cycle.js';
import { createTestDatabaseLocation } from '../support/test-database.js';
import { FakeClock } from '../support/fake-clock.js';
import { createPeople } from '../support/create-people.js';
import { policy, postCard, seedRoster, toldSoFar } from './escalation-fixtures.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

it(
  'chases an untaken card each working morning, 督办 from the 3rd working day, each once on two instances, and stops once taken',
  { timeout: 240_000 },
  async () => {
    const { location, remove } = await createTestDatabaseLocation();
    const first = await openDatabase(location);
    const second = first.kind === 'postgres' ? await openDatabase(location) : first;
    try {
      const ids = await seedRoster(first.prisma);
      // Dispatched Monday 17:45, after the window's last office half-hour (the case of issue 18).
      const taskId = await postCard(first.prisma, { ...ids, postedAt: at('2026-12-07T17:45:00') });
      // Both instances run the cycle every hour on the hour.
      const clock = new FakeClock(at('2026-12-07T18:00:00'));
      const told = new Map<string, string[]>();
      const walkUntil = async (end: Date) => {
        for (; clock.now() <= end; clock.advanceMinutes(60)) {
          const now = clock.now();
          await Promise.all([runEscalationCycle(first.prisma, { now, policy }), runEscalationCycle(second.prisma, { now, policy })]);
        }
      };

      await walkUntil(at('2026-12-14T09:00:00'));
      const texts = await toldSoFar(first.prisma);
      // Which day each notice was queued on is read from the events; the outbox holds who and what.
      const events = await first.prisma.event.findMany({ where: { kind: 'task.escalated', taskId }, orderBy: { id: 'asc' } });
      const people = new Map((await first.prisma.account.findMany()).map((row) => [row.personId, row.account]));
      for (const event of events) {
        const after = event.after as { escalationStep: number; told: number[] };
        told.set(
          `${event.at.toISOString()} step ${after.escalationStep}`,
          after.told.map((id) => people.get(id)!),
        );
      }
      expect(Object.fromEntries(told)).toEqual({
        // 30 and 60 office minutes: 08:45 and 09:15 on Tuesday; Tuesday's own morning chase is theirs.
        [`${at('2026-12-08T09:00:00').toISOString()} step 1`]: ['agent', 'unit.leader', 'window'],
        [`${at('2026-12-08T10:00:00').toISOString()} step 2`]: ['leader', 'office'],
        [`${at('2026-12-09T09:00:00').toISOString()} step 4`]: ['agent', 'unit.leader'],
        [`${at('2026-12-10T09:00:00').toISOString()} step 5`]: ['agent', 'unit.leader', 'leader', 'office'],
        [`${at('2026-12-11T09:00:00').toISOString()} step 6`]: ['agent', 'unit.leader', 'leader', 'office'],
        // Saturday and Sunday pass in silence; Monday is the 5th working day.
        [`${at('2026-12-14T09:00:00').toISOString()} step 7`]: ['agent', 'unit.leader', 'leader', 'office'],
      });
      expect(texts.filter((row) => row.recipient === 'agent').map((row) => row.text)).toEqual([
        `提醒：任务 T${taskId} 环境影响评价审批（P${ids.projectId} 光伏组件项目）于 12-07 17:45 派单，已超过 30 分钟未报到，请立即报到。`,
        ...[2, 3, 4, 5].map(
          (days) => `提醒：任务 T${taskId} 环境影响评价审批（P${ids.projectId} 光伏组件项目）于 12-07 17:45 派单，已 ${days} 个工作日未报到，请立即报到。`,
        ),
      ]);
      expect(texts.filter((row) => row.recipient === 'office').at(-1)?.text).toBe(
        `督办：市生态环境局的任务 T${taskId} 环境影响评价审批（P${ids.projectId} 光伏组件项目）派单已 5 个工作日仍无人报到。`,
      );
      expect(texts.filter((row) => row.recipient === 'bystander')).toEqual([]);

      // Taken on Monday at 10:00: nothing more, however long the clock runs.
      const { callId } = await first.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
      await first.prisma.call.update({ where: { id: callId }, data: { state: 'taken', takenAt: clock.now(), nextEscalationAt: null } });
      const before = texts.length;
      await walkUntil(at('2026-12-16T12:00:00'));
      expect((await toldSoFar(first.prisma)).length).toBe(before);
    } finally {
      if (second !== first) await second.close();
      await first.close();
      await remove();
    }
  },
);

it('reaches the 责任领导 of a unit without 代办员, and tells 重点项目办 and the admin once which unit lacks whom', { timeout: 120_000 }, async () => {
  const { location, remove } = await createTestDatabaseLocation();
  const db = await openDatabase(location);
  try {
    const ids = await seedRoster(db.prisma);
    const unit = await db.prisma.unit.create({ data: { name: '县招商服务中心', key: '招商服务中心' } });
    await createPeople(db.prisma, [
      { account: 'center.leader', name: '招商中心主任', unitId: unit.id, roles: ['unit_leader'] },
      { account: 'admin', name: '管理员小周', roles: ['admin'] },
    ]);
    const postedAt = at('2026-12-07T09:00:00');
    await postCard(db.prisma, { projectId: ids.projectId, unitId: unit.id, postedAt });
    await postCard(db.prisma, { projectId: ids.projectId, unitId: unit.id, postedAt, items: ['企业投资项目备案'] });
    for (const time of ['2026-12-07T09:30:00', '2026-12-07T10:00:00', '2026-12-08T08:30:00', '2026-12-09T08:30:00'])
      await runEscalationCycle(db.prisma, { now: at(time), policy });
    const texts = await toldSoFar(db.prisma);
    const gap = '名册缺人：县招商服务中心没有代办员，发给代办员的通知已改发该单位责任领导（无责任领导时发该单位其他人员）。请在名册中补充代办员。';
    expect(texts.filter((row) => row.text === gap).map((row) => row.recipient)).toEqual(['office', 'admin']);
    const reminders = texts.filter((row) => row.recipient === 'center.leader' && row.text.startsWith('提醒：'));
    expect(reminders.length).toBe(3);
  } finally {
    await db.close();
    await remove();
  }
});
