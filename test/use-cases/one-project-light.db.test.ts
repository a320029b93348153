// The same project shows the same light in 进度 (the status card and the list), in the digests and in
// the 台账: one rule, domain/project/project-light.ts, whichever face reads it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../prisma/open-database.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { loadSnapshot } from '../../prisma/load-snapshot.js';
import { quoteSnapshot } from '../../domain/schedule/quote-snapshot.js';
import { lightOfProject } from '../../domain/schedule/digests/describe-project.js';
import { loadProjectStatus } from '../../use-cases/load-project-status.js';
import { loadProjectLights } from '../../use-cases/load-project-lights.js';
import { buildLedgerFile } from '../../use-cases/build-ledger-file.js';
import { openTestDatabase } from '../support/test-database.js';
import { policy, postCard, seedRoster } from '../cron/escalation-fixtures.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

// Monday 2026-11-23 10:00 in Shanghai.
const now = new Date('2026-11-23T02:00:00Z');
const lastWeek = new Date('2026-11-16T02:00:00Z');
const lightNames = { red: '红', yellow: '黄', green: '绿' } as const;

it('gives each project one light in 进度, the digests and the 台账', async () => {
  const { projectId: waiting, unitId } = await seedRoster(db.prisma);
  // A card not reported to the window since last week: red.
  await postCard(db.prisma, { projectId: waiting, unitId, postedAt: lastWeek });
  // A taken item due tomorrow (within 2 working days): yellow; one due at the year's end: green.
  const soon = await db.prisma.project.create({ data: { name: '锂电池项目', investmentWan: 12000, service: 'approving' } });
  const later = await db.prisma.project.create({ data: { name: '物流园项目', investmentWan: 8000, service: 'approving' } });
  for (const [projectId, dueOn] of [
    [soon.id, '2026-11-24'],
    [later.id, '2026-12-31'],
  ] as const) {
    const taskId = await postCard(db.prisma, { projectId, unitId, postedAt: lastWeek });
    const task = await db.prisma.task.update({
      where: { id: taskId },
      data: { state: 'taken', takenAt: lastWeek, promisedDays: 5, dueOn: new Date(`${dueOn}T00:00:00Z`) },
    });
    await db.prisma.call.update({ where: { id: task.callId }, data: { state: 'taken', takenAt: lastWeek, nextEscalationAt: null } });
  }
  // Accepted a week ago with no team formed (1 working day, 002 五(三)): red with no card at all.
  await db.prisma.project.create({ data: { name: '新材料项目', investmentWan: 20000, service: 'approving', acceptedAt: lastWeek } });
  // 终止: no longer followed, green whatever its old card says.
  const stopped = await db.prisma.project.create({ data: { name: '已终止项目', investmentWan: 5000, service: 'terminated' } });
  await postCard(db.prisma, { projectId: stopped.id, unitId, postedAt: lastWeek });

  const seen = await db.prisma.$transaction(async (tx) => {
    const context = { now, policy, calendar: await loadWorkingCalendar(tx) };
    const projects = await tx.project.findMany({ orderBy: { id: 'asc' } });
    const list = await loadProjectLights(tx, projects, context);
    const snapshot = quoteSnapshot(await loadSnapshot(tx, now));
    const { ledger } = await buildLedgerFile(tx, context);
    const ledgerLight = new Map(ledger.sheets[0]!.rows.map((row) => [row[0], row[row.length - 1]]));
    const rows: Record<string, string[]> = {};
    for (const project of projects) {
      const card = (await loadProjectStatus(tx, project, context)).light;
      const digest = lightOfProject(
        snapshot.projects.find((entry) => entry.id === project.id)!,
        { ...context, snapshot },
      );
      rows[project.name] = [lightNames[card], lightNames[list.get(project.id)!], lightNames[digest], String(ledgerLight.get(`P${project.id}`))];
    }
    return rows;
  });

  // 进度 card, 进度 list, digest, 台账.
  expect(seen).toEqual({
    光伏组件项目: ['红', '红', '红', '红'],
    锂电池项目: ['黄', '黄', '黄', '黄'],
    物流园项目: ['绿', '绿', '绿', '绿'],
    新材料项目: ['红', '红', '红', '红'],
    已终止项目: ['绿', '绿', '绿', '绿'],
  });
});
