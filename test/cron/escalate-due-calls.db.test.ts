// The report-to-window escalation cycle against a real database: each step fires once, to the
// right people, only when due in office time, once per call however many items it carries, and
// never for a call that was taken.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../prisma/open-database.js';
import { openTestDatabase } from '../support/test-database.js';
import { runEscalationCycle } from '../../cron/run-escalation-cycle.js';
import { policy, postCard, seedRoster, toldSoFar } from './escalation-fixtures.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
let db: Database;
let ids: { projectId: number; unitId: number };

beforeAll(async () => {
  db = await openTestDatabase();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Event", "Outbox", "Task", "Call", "Project", "Person", "Unit" RESTART IDENTITY CASCADE');
  ids = await seedRoster(db.prisma);
});
afterAll(async () => {
  await db.close();
});

const cycle = (now: Date) => runEscalationCycle(db.prisma, { now, policy });

describe('runEscalationCycle', () => {
  it('tells nobody before the 30 office minutes are up', async () => {
    await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00') });
    expect(await cycle(at('2026-03-04T09:29:59'))).toBe(0);
    expect(await toldSoFar(db.prisma)).toEqual([]);
  });

  it('at 30 minutes reminds the agent and tells the unit leader and the window, once', async () => {
    const taskId = await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00') });
    expect(await cycle(at('2026-03-04T09:30:00'))).toBe(1);
    expect(await cycle(at('2026-03-04T09:30:05'))).toBe(0);
    const told = await toldSoFar(db.prisma);
    expect(told.map((row) => row.recipient)).toEqual(['agent', 'unit.leader', 'window']);
    expect(told[0]?.text).toContain(`T${taskId}`);
    const { call } = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: { call: true } });
    expect(call).toMatchObject({ escalationStep: 1, nextEscalationAt: at('2026-03-04T10:00:00') });
  });

  it('counts a call of four items once per step, naming all four in one notice to each person', async () => {
    const items = ['建设项目用地预审', '建设用地规划许可证', '土地出让合同', '不动产权证书'];
    const first = await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00'), items });
    expect(await cycle(at('2026-03-04T09:30:00'))).toBe(1);
    expect(await cycle(at('2026-03-04T10:00:00'))).toBe(1);
    const told = await toldSoFar(db.prisma);
    expect(told.map((row) => row.recipient)).toEqual(['agent', 'unit.leader', 'window', 'leader', 'office']);
    for (const [index, name] of items.entries()) expect(told[0]?.text).toContain(`T${first + index} ${name}`);
    const events = await db.prisma.event.findMany({ where: { kind: 'task.escalated' }, orderBy: { id: 'asc' } });
    expect(events.map((event) => [event.taskId, (event.after as { escalationStep: number }).escalationStep])).toEqual([
      [first, 1],
      [first, 2],
    ]);
  });

  it('tells each person of several calls due in one pass in one notice naming every task, with an event per call', async () => {
    const postedAt = at('2026-03-04T09:00:00');
    const taskIds = [await postCard(db.prisma, { ...ids, postedAt }), await postCard(db.prisma, { ...ids, postedAt, items: ['排污许可', '取水许可'] })];
    taskIds.push(taskIds[1]! + 1, await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:01:00') }));
    expect(await cycle(at('2026-03-04T09:31:00'))).toBe(3);
    expect(await cycle(at('2026-03-04T09:31:02'))).toBe(0);
    const told = await toldSoFar(db.prisma);
    expect(told.map((row) => row.recipient)).toEqual(['agent', 'unit.leader', 'window']);
    expect(told[0]?.text.split('\n')).toEqual([
      '提醒：以下 3 个任务已超过 30 分钟未报到，请立即报到：',
      `· P${ids.projectId} 光伏组件项目，市生态环境局：T${taskIds[0]} 环境影响评价审批（03-04 09:00 派单）`,
      `· P${ids.projectId} 光伏组件项目，市生态环境局：T${taskIds[1]} 排污许可、T${taskIds[2]} 取水许可（03-04 09:00 派单）`,
      `· P${ids.projectId} 光伏组件项目，市生态环境局：T${taskIds[3]} 环境影响评价审批（03-04 09:01 派单）`,
    ]);
    for (const row of told.slice(1)) for (const id of taskIds) expect(row.text).toContain(`T${id} `);
    const events = await db.prisma.event.findMany({ where: { kind: 'task.escalated' }, orderBy: { id: 'asc' } });
    expect(events.map((event) => [event.taskId, (event.after as { escalationStep: number; told: number[] }).told.length])).toEqual([
      [taskIds[0], 3],
      [taskIds[1], 3],
      [taskIds[3], 3],
    ]);
  });

  it('at 60 minutes tells the project leader and 重点项目办, once, and nothing more that day', async () => {
    const taskId = await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00') });
    await cycle(at('2026-03-04T09:30:00'));
    expect(await cycle(at('2026-03-04T10:00:00'))).toBe(1);
    expect(await cycle(at('2026-03-04T17:59:00'))).toBe(0);
    expect((await toldSoFar(db.prisma)).slice(3).map((row) => row.recipient)).toEqual(['leader', 'office']);
    const events = await db.prisma.event.findMany({ where: { taskId, kind: 'task.escalated' }, orderBy: { id: 'asc' } });
    const people = new Map((await db.prisma.account.findMany()).map((row) => [row.personId, row.account]));
    expect(
      events
        .map((event) => event.after as { escalationStep: number; told: number[] })
        .map(({ escalationStep, told }) => ({ escalationStep, told: told.map((id) => people.get(id)) })),
    ).toEqual([
      { escalationStep: 1, told: ['agent', 'unit.leader', 'window'] },
      { escalationStep: 2, told: ['leader', 'office'] },
    ]);
  });

  it('carries a card posted at 17:50 on Friday over the weekend', async () => {
    await postCard(db.prisma, { ...ids, postedAt: at('2026-03-06T17:50:00') });
    expect(await cycle(at('2026-03-06T18:20:00'))).toBe(0);
    expect(await cycle(at('2026-03-09T08:49:59'))).toBe(0);
    expect(await cycle(at('2026-03-09T08:50:00'))).toBe(1);
  });

  it('never escalates a call that was taken', async () => {
    const taskId = await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00') });
    const { callId } = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    await db.prisma.call.update({ where: { id: callId }, data: { state: 'taken', takenAt: at('2026-03-04T09:10:00'), nextEscalationAt: null } });
    expect(await cycle(at('2026-03-04T11:00:00'))).toBe(0);
    expect(await toldSoFar(db.prisma)).toEqual([]);
  });

  it('fires both overdue steps once each when the server was down through both', async () => {
    await postCard(db.prisma, { ...ids, postedAt: at('2026-03-04T09:00:00') });
    expect(await cycle(at('2026-03-04T16:00:00'))).toBe(2);
    expect(await cycle(at('2026-03-04T16:00:02'))).toBe(0);
    expect((await toldSoFar(db.prisma)).map((row) => row.recipient)).toEqual(['agent', 'unit.leader', 'window', 'leader', 'office']);
  });

  it('with ackTimeoutMinutes 0.05 and office hours "always", escalates 3 s after posting', async () => {
    const fast = { ...policy, ackTimeoutMinutes: 0.05, secondEscalationMinutes: 0.1, officeHours: 'always' as const };
    const postedAt = at('2026-03-07T23:00:00');
    await postCard(db.prisma, { ...ids, postedAt }, fast);
    expect(await runEscalationCycle(db.prisma, { now: new Date(postedAt.getTime() + 2_999), policy: fast })).toBe(0);
    expect(await runEscalationCycle(db.prisma, { now: new Date(postedAt.getTime() + 3_000), policy: fast })).toBe(1);
    expect(await runEscalationCycle(db.prisma, { now: new Date(postedAt.getTime() + 5_000), policy: fast })).toBe(0);
  });
});
