// Two instances running the schedule at the same moments: the one whose INSERT into ScheduleRun
// goes in sends, the other skips. On PostgreSQL (npm run test:pg) the two use separate
// connection pools and truly overlap; on PGlite they share one connection.
import { expect, it } from 'vitest';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import { runDueJobs } from '../../../bot/jobs/run-due-jobs.js';
import { createLogger } from '../../../core/logger.js';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { openDatabase } from '../../../prisma/open-database.js';
import { DEMO_ROSTER } from '../../support/harness.js';
import { findPerson } from '../../support/find-person.js';
import { outboxRecipients } from '../../support/create-people.js';
import { createTestDatabaseLocation } from '../../support/test-database.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

// 240 s: the ranking and the Wednesday digest now also draw their charts (issue 19), and on a shared 2-core machine
// this test alone took 110 s before them.
it('sends each occurrence once when two instances race', { timeout: 240_000 }, async () => {
  const { location, remove } = await createTestDatabaseLocation();
  const first = await openDatabase(location);
  const second = first.kind === 'postgres' ? await openDatabase(location) : first;
  try {
    await importRoster(first.prisma, await readRosterFile(DEMO_ROSTER));
    const unit = await first.prisma.unit.findFirstOrThrow({ where: { key: '自然资源局' } });
    const leader = await findPerson(first.prisma, 'leader.a');
    for (let index = 1; index <= 30; index += 1) {
      await first.prisma.project.create({
        data: {
          name: `项目${index}`,
          investmentWan: 10000,
          service: 'approving',
          leadUnitId: unit.id,
          leaderId: leader.id,
          signedOn: new Date('2026-11-02T00:00:00Z'),
        },
      });
    }
    const reporter = await findPerson(first.prisma, 'zrzy.agent');
    await first.prisma.problem.create({
      data: {
        projectId: 1,
        reporterId: reporter.id,
        description: '用地指标不足',
        category: '用地',
        leaderId: leader.id,
        unitId: unit.id,
        createdAt: at('2026-11-24T10:00:00'),
      },
    });

    const sent: string[] = [];
    for (const time of [
      '2026-11-23T07:00:00',
      '2026-11-24T09:00:00',
      '2026-11-24T16:00:00',
      '2026-11-25T09:00:00',
      '2026-11-27T08:30:00',
      '2026-12-01T09:00:00',
      '2026-12-01T09:01:00',
    ]) {
      const now = at(time);
      const [a, b] = await Promise.all([
        runSchedules(first.prisma, { now, policy: defaultPolicy }),
        runSchedules(second.prisma, { now, policy: defaultPolicy }),
      ]);
      sent.push(...a, ...b);
      // The 22nd's 台账 file is a job the ranking queues (use-cases/send-ranking-ledger-file.ts): both instances' job loops race for it.
      const jobs = { now, logger: createLogger('silent'), policy: defaultPolicy };
      await Promise.all([runDueJobs(first.prisma, {}, jobs), runDueJobs(second.prisma, {}, jobs)]);
    }

    // 2026-11-22 is a Sunday: the ranking moved to Monday 09:00 and is caught up on Tuesday.
    // The daily deadline checks ran once on each day it was due (no project is near its deadline).
    expect(sent.filter((key) => key.startsWith('daily-deadlines')).sort()).toEqual([
      'daily-deadlines:2026-11-24',
      'daily-deadlines:2026-11-25',
      'daily-deadlines:2026-12-01',
    ]);
    expect(sent.filter((key) => key.startsWith('daily-tasks'))).toHaveLength(3);
    expect(sent.filter((key) => !key.startsWith('daily-')).sort()).toEqual([
      'monthly-1:2026-12',
      'monthly-22:2026-11',
      'weekly-fri:2026-W48',
      'weekly-tue-reminder:2026-W48',
      'weekly-tue:2026-W48',
      'weekly-tue:2026-W49',
      'weekly-wed:2026-W48',
    ]);
    const events = await first.prisma.event.findMany({ where: { kind: 'schedule.sent' } });
    expect(events).toHaveLength(7 + 3 + 3);
    // Each digest to each reader once: the agent asked twice (W48, W49) and reminded once; the
    // leader his Wednesday digest; the main leader the ranking, its 台账 file and the agenda; the
    // office those three, Wednesday's summary and the 1st's list. The problem unanswered 3 days (due
    // 11-27, a day with no run here) is caught up on 12-01 to its leader and its unit's agent, once.
    // The Wednesday digest and the ranking each bring their chart to each of their readers, once (issue 19).
    const recipients = await outboxRecipients(first.prisma);
    const rows = (await first.prisma.outbox.findMany({ orderBy: { id: 'asc' } })).map((row, index) => ({ ...row, recipient: recipients[index]!.recipient }));
    expect(new Set(rows.map((row) => row.dedupKey)).size).toBe(rows.length);
    expect(rows.filter((row) => row.recipient === 'zrzy.agent')).toHaveLength(4);
    expect(rows.filter((row) => row.recipient === 'leader.a')).toHaveLength(3);
    expect(rows.filter((row) => row.recipient === 'leader.main')).toHaveLength(4);
    expect(rows.filter((row) => row.recipient === 'office')).toHaveLength(7);
    expect(rows.filter((row) => row.kind === 'image').map((row) => [row.recipient, row.dedupKey?.replace(/\d+$/, 'N')])).toEqual([
      ['office', 'schedule:monthly-22:2026-11:image:N'],
      ['inspect', 'schedule:monthly-22:2026-11:image:N'],
      ['leader.main', 'schedule:monthly-22:2026-11:image:N'],
      ['office', 'schedule:weekly-wed:2026-W48:image:N'],
      ['leader.a', 'schedule:weekly-wed:2026-W48:image:N'],
    ]);
    // The ranking's readers (重点项目办, 督查中心, 主要领导) each get the ledger once, after the ranking.
    const files = rows.filter((row) => row.kind === 'file');
    expect(files.map((row) => [row.recipient, row.dedupKey?.replace(/\d+$/, 'N')])).toEqual([
      ['office', 'schedule:monthly-22:2026-11:file:N'],
      ['inspect', 'schedule:monthly-22:2026-11:file:N'],
      ['leader.main', 'schedule:monthly-22:2026-11:file:N'],
    ]);
    expect(files.map((row) => (row.payload as { name: string }).name)).toEqual(Array(3).fill('项目台账-2026-11-24.xlsx'));
    const ranking = rows.find((row) => row.recipient === 'office' && row.dedupKey?.startsWith('schedule:monthly-22:'))!;
    expect(ranking.id).toBeLessThan(files[0]!.id);
    expect(await first.prisma.problem.count({ where: { digestedAt: { not: null } } })).toBe(1);
  } finally {
    if (second !== first) await second.close();
    await first.close();
    await remove();
  }
});
