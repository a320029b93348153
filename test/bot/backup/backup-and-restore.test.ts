// A backup taken while the bot runs, the data directory wiped, the backup restored: the ledger is the one
// at the backup's time. Restore refuses a running bot's directory and a file that is no backup; the
// nightly backup runs once a night and the oldest backups beyond `backups.kept` go.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../../core/logger.js';
import { restoreBackup } from '../../../bot/backup/restore-backup.js';
import { runNightlyBackup } from '../../../bot/backup/run-nightly-backup.js';
import { takeBackup, type BackupSource } from '../../../bot/backup/take-backup.js';
import { openDatabase, type Db } from '../../../prisma/open-database.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { REGISTER } from '../../handlers/story-steps.js';

let h: Harness;
let dataDir: string;
let source: BackupSource;
beforeEach(async () => {
  h = await createHarness({ policy: { backups: { kept: 1, nightlyAt: '03:00' } } });
  dataDir = mkdtempSync(join(tmpdir(), 'xmgj-backup-'));
  source = { kind: 'pglite', dump: h.database.dump! };
});
afterEach(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function readLedger(prisma: Db) {
  return {
    projects: await prisma.project.findMany({ orderBy: { id: 'asc' } }),
    tasks: await prisma.task.findMany({ orderBy: { id: 'asc' } }),
    events: await prisma.event.findMany({ orderBy: { id: 'asc' } }),
  };
}

it('restores into a wiped data directory the ledger as it was at the backup', async () => {
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  await h.say('window', '方案 P1');
  await h.say('window', '派单 P1 全部');
  await h.say('zrzy.agent', '报到 T1');
  const backups = join(dataDir, 'backups');
  const taken = await takeBackup(h.prisma, source, { dir: backups, kept: 14, now: h.clock.now() });
  if (!taken.ok) throw new Error(taken.detail);
  const atBackup = await readLedger(h.prisma);
  expect(atBackup.tasks.length).toBeGreaterThan(0);
  // Work after the backup is not in it.
  await h.say('zrzy.agent', '办结 T1 已出具批复');

  const database = join(dataDir, 'pglite');
  rmSync(database, { recursive: true, force: true });
  const restored = await restoreBackup(taken.file, { kind: 'pglite', database }, h.clock.now());
  expect(restored).toEqual({ ok: true, replaced: null, projects: 1, tasks: atBackup.tasks.length, events: atBackup.events.length });
  const reopened = await openDatabase(database);
  try {
    expect(await readLedger(reopened.prisma)).toEqual(atBackup);
  } finally {
    await reopened.close();
  }
});

it('refuses to restore under a running bot, or a file that is not a backup', async () => {
  const database = join(dataDir, 'pglite');
  const taken = await takeBackup(h.prisma, source, { dir: join(dataDir, 'backups'), kept: 14, now: h.clock.now() });
  if (!taken.ok) throw new Error(taken.detail);
  // A live process other than this one holds the directory, as a running bot does (bot/main.ts).
  writeFileSync(join(dataDir, 'bot.pid'), `${process.ppid}\n`);
  expect(await restoreBackup(taken.file, { kind: 'pglite', database }, h.clock.now())).toMatchObject({ ok: false, code: 'RUNNING' });
  rmSync(join(dataDir, 'bot.pid'));
  writeFileSync(join(dataDir, 'garbage.tar.gz'), 'not an archive');
  const garbage = await restoreBackup(join(dataDir, 'garbage.tar.gz'), { kind: 'pglite', database }, h.clock.now());
  expect(garbage).toMatchObject({ ok: false, code: 'UNREADABLE' });
  expect(await restoreBackup(join(dataDir, 'none.tar.gz'), { kind: 'pglite', database }, h.clock.now())).toMatchObject({ ok: false, code: 'UNREADABLE' });
  // Nothing was put in place, and the lock is released.
  expect(readdirSync(dataDir).sort()).toEqual(['backups', 'garbage.tar.gz']);
});

it('takes the nightly backup once a night at the policy time, keeping the newest `kept`', async () => {
  const backups = join(dataDir, 'backups');
  const options = (at: string) => ({ dir: backups, policy: h.policy, now: new Date(at), logger: createLogger('silent') });
  await takeBackup(h.prisma, source, { dir: backups, kept: 1, now: new Date('2026-11-23T10:00:00+08:00') });
  expect(await runNightlyBackup(h.prisma, source, options('2026-11-24T02:59:00+08:00'))).toBeNull();
  const nightly = await runNightlyBackup(h.prisma, source, options('2026-11-24T03:00:00+08:00'));
  expect(nightly).toMatchObject({ ok: true, removed: ['xiangmu-guanjia-2026-11-23T02-00-00Z.tar.gz'] });
  expect(await runNightlyBackup(h.prisma, source, options('2026-11-24T03:01:00+08:00'))).toBeNull();
  expect(readdirSync(backups)).toEqual(['xiangmu-guanjia-2026-11-23T19-00-00Z.tar.gz']);
});
