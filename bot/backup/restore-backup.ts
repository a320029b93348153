// `npm run restore <file>`: puts a backup back, never under a running bot and never a file that is not
// one of ours. The embedded database: the bot's lock on DATA_DIR (hold-data-dir.ts) is taken for the
// restore, so neither a running bot nor one starting meanwhile shares the directory; the backup is opened
// into a fresh directory and checked (a readable archive holding this bot's tables) before it replaces
// the old one, which is kept beside it. PostgreSQL: pg_restore checks the archive's table of contents,
// and the restore is refused while another session is connected (docs/architecture.md "Backups").
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { holdDataDir } from './hold-data-dir.js';
import { pgToolTarget } from './pg-tool-target.js';

export type RestoreTarget = { kind: 'pglite'; database: string } | { kind: 'postgres'; url: string };

export interface LedgerCounts {
  projects: number;
  tasks: number;
  events: number;
}

export type RestoreResult =
  | ({ ok: true; replaced: string | null } & LedgerCounts)
  | { ok: false; code: 'RUNNING' | 'UNREADABLE' | 'NOT_OURS' | 'IN_USE' | 'PG_RESTORE_MISSING' | 'PG_RESTORE_FAILED'; detail: string };

const COUNT_LEDGER = `SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "Task")::int AS tasks,
  (SELECT count(*) FROM "Event")::int AS events`;

export async function restoreBackup(file: string, target: RestoreTarget, now: Date): Promise<RestoreResult> {
  if (!existsSync(file)) return { ok: false, code: 'UNREADABLE', detail: `no file at ${file}` };
  return target.kind === 'pglite' ? restorePglite(file, target.database, now) : restorePostgres(file, target.url);
}

async function restorePglite(file: string, database: string, now: Date): Promise<RestoreResult> {
  const lock = holdDataDir(dirname(database));
  if (!lock.ok) return { ok: false, code: 'RUNNING', detail: `项目管家 (pid ${lock.holder}) is running on ${dirname(database)}: stop it first` };
  const incoming = `${database}.restoring`;
  rmSync(incoming, { recursive: true, force: true });
  try {
    const counts = await openAndCount(file, incoming);
    if (!counts.ok) {
      rmSync(incoming, { recursive: true, force: true });
      return counts;
    }
    const replaced = existsSync(database) ? `${database}.replaced-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z` : null;
    if (replaced) renameSync(database, replaced);
    renameSync(incoming, database);
    return { ok: true, replaced, ...counts.counts };
  } finally {
    lock.release();
  }
}

/** Opens the archive into `dir` and reads the ledger's size: a file PGlite cannot load, or without our tables, is refused. */
async function openAndCount(file: string, dir: string): Promise<{ ok: true; counts: LedgerCounts } | Extract<RestoreResult, { ok: false }>> {
  let lite: PGlite;
  try {
    lite = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]) });
  } catch (error) {
    return { ok: false, code: 'UNREADABLE', detail: `${file} is not a readable backup (${describe(error)})` };
  }
  try {
    const [ours] = (
      await lite.query<{ ours: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AND to_regclass('"Project"') IS NOT NULL AS ours`)
    ).rows;
    if (!ours?.ours) return { ok: false, code: 'NOT_OURS', detail: `${file} is a database, but not 项目管家's` };
    return { ok: true, counts: (await lite.query<LedgerCounts>(COUNT_LEDGER)).rows[0]! };
  } finally {
    await lite.close();
  }
}

async function restorePostgres(file: string, url: string): Promise<RestoreResult> {
  const run = promisify(execFile);
  try {
    const { stdout } = await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
    if (!/ TABLE public "?Project"? /.test(stdout))
      return { ok: false, code: 'NOT_OURS', detail: `${file} is a pg_dump archive, but not of 项目管家's database` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: false, code: 'PG_RESTORE_MISSING', detail: 'pg_restore is not installed (apt-get install postgresql-client)' };
    return { ok: false, code: 'UNREADABLE', detail: `${file} is not a readable pg_dump archive (${describe(error)})` };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ sessions: number }>(
      'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (rows[0]!.sessions > 0)
      return { ok: false, code: 'IN_USE', detail: `${rows[0]!.sessions} other session(s) are connected: stop every 项目管家 instance first` };
  } finally {
    await client.end();
  }
  const { dbname, env } = pgToolTarget(url);
  try {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', dbname, file], { env });
  } catch (error) {
    return { ok: false, code: 'PG_RESTORE_FAILED', detail: describe(error) };
  }
  const counted = new pg.Client({ connectionString: url });
  await counted.connect();
  try {
    return { ok: true, replaced: null, ...(await counted.query<LedgerCounts>(COUNT_LEDGER)).rows[0]! };
  } finally {
    await counted.end();
  }
}

function describe(error: unknown): string {
  const failure = error as { stderr?: string; message?: string; name?: string };
  return (failure.stderr || failure.message || failure.name || String(error)).trim().split('\n')[0]!;
}
