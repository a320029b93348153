// The same round trip on PostgreSQL (pg_dump and pg_restore), run by the `db` project only: back up,
// refuse to restore over a database in use, restore into an empty database and compare the ledger.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { restoreBackup } from '../../../bot/backup/restore-backup.js';
import { takeBackup } from '../../../bot/backup/take-backup.js';
import { openDatabase, type Db } from '../../../prisma/open-database.js';
import { createTestDatabaseLocation } from '../../support/test-database.js';

async function readLedger(prisma: Db) {
  return {
    projects: await prisma.project.findMany({ orderBy: { id: 'asc' } }),
    events: await prisma.event.findMany({ orderBy: { id: 'asc' } }),
    catalogue: await prisma.catalogueItem.count(),
  };
}

it.skipIf(!process.env.TEST_DATABASE_URL)('backs up with pg_dump and restores with pg_restore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xmgj-pg-backup-'));
  const source = await createTestDatabaseLocation();
  const target = await createTestDatabaseLocation();
  const now = new Date('2026-11-23T10:00:00+08:00');
  try {
    const database = await openDatabase(source.location);
    await database.prisma.event.create({ data: { channel: 'system', kind: 'project.registered', after: { name: '光伏组件项目' } } });
    const taken = await takeBackup(database.prisma, { kind: 'postgres', url: source.location }, { dir, kept: 14, now });
    if (!taken.ok) throw new Error(taken.detail);
    const atBackup = await readLedger(database.prisma);
    expect(await restoreBackup(taken.file, { kind: 'postgres', url: source.location }, now)).toMatchObject({ ok: false, code: 'IN_USE' });
    await database.close();

    const restored = await restoreBackup(taken.file, { kind: 'postgres', url: target.location }, now);
    expect(restored).toEqual({ ok: true, replaced: null, projects: 0, tasks: 0, events: 1 });
    const reopened = await openDatabase(target.location);
    try {
      expect(await readLedger(reopened.prisma)).toEqual(atBackup);
    } finally {
      await reopened.close();
    }
  } finally {
    await source.remove();
    await target.remove();
    rmSync(dir, { recursive: true, force: true });
  }
});
