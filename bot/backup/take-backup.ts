// `npm run backup` and the nightly backup: a consistent copy of the database in DATA_DIR/backups/,
// named by the time it was taken, keeping the newest `kept` (policy `backups.kept`). The embedded
// database is dumped by the process that holds it, between two queries (PGlite's dumpDataDir: a gzipped
// tar of its data directory, which opens like a server after a crash, committed work whole); PostgreSQL by
// pg_dump, when it is installed. Each backup is recorded as a ScheduleRun row (job `backup`), so `/metrics`
// and `状态` read the last backup's age from the database, whichever instance took it (docs/architecture.md "Backups").
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../../prisma/open-database.js';
import { BACKUP_JOB } from '../../prisma/read-health.js';
import { pgToolTarget } from './pg-tool-target.js';

const NAME = /^xiangmu-guanjia-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.(tar\.gz|pgdump)$/;

export type BackupSource = { kind: 'pglite'; dump: () => Promise<Blob> } | { kind: 'postgres'; url: string };

export type BackupResult =
  { ok: true; file: string; bytes: number; removed: string[] } | { ok: false; code: 'PG_DUMP_MISSING' | 'PG_DUMP_FAILED'; detail: string };

export interface BackupOptions {
  /** DATA_DIR/backups */
  dir: string;
  kept: number;
  now: Date;
}

export async function takeBackup(prisma: Db, source: BackupSource, { dir, kept, now }: BackupOptions): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const name = `xiangmu-guanjia-${stamp}Z.${source.kind === 'pglite' ? 'tar.gz' : 'pgdump'}`;
  const file = join(dir, name);
  // Written under another name first: a copy cut short (a full disk, a kill) is never taken for a backup.
  const partial = `${file}.partial`;
  const started = Date.now();
  if (source.kind === 'pglite') {
    writeFileSync(partial, Buffer.from(await (await source.dump()).arrayBuffer()));
  } else {
    const dumped = await pgDump(source.url, partial);
    if (!dumped.ok) {
      rmSync(partial, { force: true });
      return dumped;
    }
  }
  renameSync(partial, file);
  // Both times by the caller's clock (a test's, or CLOCK_FILE's), as the schedule's rows are.
  await prisma.scheduleRun.create({ data: { job: BACKUP_JOB, slot: name, startedAt: now, finishedAt: new Date(now.getTime() + Date.now() - started) } });
  return { ok: true, file, bytes: statSync(file).size, removed: pruneBackups(dir, kept) };
}

/** Deletes all but the newest `kept` backups (names sort by time); returns the deleted names. */
function pruneBackups(dir: string, kept: number): string[] {
  const names = readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort();
  const removed = names.slice(0, Math.max(0, names.length - kept));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

async function pgDump(url: string, file: string): Promise<BackupResult | { ok: true }> {
  const { dbname, env } = pgToolTarget(url);
  try {
    await promisify(execFile)('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, dbname], { env });
    return { ok: true };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') return { ok: false, code: 'PG_DUMP_MISSING', detail: 'pg_dump is not installed (apt-get install postgresql-client)' };
    return { ok: false, code: 'PG_DUMP_FAILED', detail: (failure.stderr || failure.message).trim().split('\n')[0]! };
  }
}
