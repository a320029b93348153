// Migration 0005 carries the projects of before: the old single stage becomes the service and the
// project's own stage (docs/domain.md "Project life cycle").
import { PGlite } from '@electric-sql/pglite';
import { afterEach, expect, it } from 'vitest';
import { readMigrations } from '../../prisma/apply-migrations.js';

let db: PGlite | undefined;
afterEach(async () => {
  await db?.close();
});

it('keeps each project’s service as it was and takes its stage from the recorded dates', async () => {
  db = new PGlite();
  const migrations = readMigrations();
  const apart = migrations.findIndex((migration) => migration.name.endsWith('_service_apart_from_stage'));
  for (const migration of migrations.slice(0, apart)) await db.exec(migration.sql);

  await db.exec(`INSERT INTO "Unit" ("id", "name", "key") VALUES (1, '县生态环境局', '生态环境局')`);
  const project = (id: number, stage: string, extra = '') =>
    `INSERT INTO "Project" ("id", "name", "investmentWan", "stage", "updatedAt"${extra ? ', "acceptedAt", "startedOn", "producedOn"' : ''})
     VALUES (${id}, 'P${id}', 10000, '${stage}', now()${extra})`;
  await db.exec(
    [
      project(1, 'signed'),
      project(2, 'accepted', `, now(), NULL, NULL`),
      project(3, 'approving', `, now(), NULL, NULL`),
      project(4, 'started', `, now(), '2026-05-03', NULL`),
      project(5, 'started', `, now(), '2026-05-03', NULL`),
      project(6, 'producing', `, now(), '2026-05-03', '2026-10-01'`),
      project(7, 'closed', `, now(), '2026-05-03', NULL`),
      project(8, 'terminated', `, now(), NULL, NULL`),
      project(9, 'started', `, NULL, '2026-05-03', NULL`),
    ].join(';\n'),
  );
  await db.exec(`INSERT INTO "Task" ("projectId", "unitId", "itemCode", "itemName", "phase", "postedAt", "ackDueAt", "updatedAt")
                 VALUES (4, 1, 'HP-01', '环境影响评价审批', 1, now(), now(), now())`);

  for (const migration of migrations.slice(apart)) await db.exec(migration.sql);
  const rows = await db.query<{ id: number; service: string; stage: string }>(`SELECT "id", "service", "stage" FROM "Project" ORDER BY "id"`);
  expect(rows.rows.map((row) => [row.id, row.service, row.stage])).toEqual([
    [1, 'unaccepted', 'signed'],
    [2, 'accepted', 'signed'],
    [3, 'approving', 'signed'],
    // Started with cards: 审批中; started without cards: 已受理; started and never accepted: 未受理.
    [4, 'approving', 'started'],
    [5, 'accepted', 'started'],
    [6, 'accepted', 'producing'],
    [7, 'closed', 'started'],
    [8, 'terminated', 'signed'],
    [9, 'unaccepted', 'started'],
  ]);
});
