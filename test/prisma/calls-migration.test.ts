// The migration that moves the report-to-window timer onto calls keeps old data working: every
// existing task gets a call of its own (same id), in the state its timer was in, and handles of
// cards already delivered (`task:N`) follow to the call's card (`call:N`).
import { PGlite } from '@electric-sql/pglite';
import { expect, it } from 'vitest';
import { readMigrations } from '../../prisma/apply-migrations.js';

it('gives every existing task its own call and moves delivered cards’ handles to it', { timeout: 60_000 }, async () => {
  const db = new PGlite();
  const migrations = readMigrations();
  const at = migrations.findIndex((migration) => migration.name.endsWith('_calls'));
  for (const migration of migrations.slice(0, at)) await db.exec(migration.sql);
  await db.exec(`
    INSERT INTO "Unit" (id, name, key) VALUES (1, '市自然资源局', '自然资源局');
    INSERT INTO "Project" (id, name, "investmentWan", "updatedAt") VALUES (1, '光伏组件项目', 35000, now());
    INSERT INTO "Task" (id, "projectId", "unitId", "itemCode", "itemName", phase, state, "postedAt", "ackDueAt", "escalationStep", "nextEscalationAt", "takenAt", "takenById", "updatedAt")
    VALUES
      (1, 1, 1, 'ZRZY-01', '用地预审', 1, 'posted', '2026-11-23 01:00', '2026-11-23 01:30', 1, '2026-11-23 02:00', NULL, NULL, now()),
      (2, 1, 1, 'ZRZY-05', '用地规划', 1, 'done', '2026-11-23 01:00', '2026-11-23 01:30', 0, NULL, '2026-11-23 01:10', 7, now()),
      (3, 1, 1, 'ZRZY-06', '工程规划', 2, 'returned', '2026-11-23 01:00', '2026-11-23 01:30', 2, NULL, NULL, NULL, now());
    INSERT INTO "CardHandle" (platform, "cardKey", account, handle, "issuedAt") VALUES ('wecom', 'task:1', 'zrzy.agent', 'code-1', now());
  `);
  await db.exec(migrations[at]!.sql);

  const calls = await db.query(`SELECT id, state, "escalationStep", "nextEscalationAt" IS NOT NULL AS pending, "takenById" FROM "Call" ORDER BY id`);
  expect(calls.rows).toEqual([
    { id: 1, state: 'posted', escalationStep: 1, pending: true, takenById: null },
    { id: 2, state: 'taken', escalationStep: 0, pending: false, takenById: 7 },
    { id: 3, state: 'cancelled', escalationStep: 2, pending: false, takenById: null },
  ]);
  expect((await db.query(`SELECT id, "callId" FROM "Task" ORDER BY id`)).rows).toEqual([
    { id: 1, callId: 1 },
    { id: 2, callId: 2 },
    { id: 3, callId: 3 },
  ]);
  expect((await db.query(`SELECT "cardKey" FROM "CardHandle"`)).rows).toEqual([{ cardKey: 'call:1' }]);
  // The next call made gets a fresh id.
  expect(
    (await db.query(`INSERT INTO "Call" ("projectId", "unitId", "postedAt", "ackDueAt", "updatedAt") VALUES (1, 1, now(), now(), now()) RETURNING id`)).rows,
  ).toEqual([{ id: 4 }]);
  await db.close();
});
