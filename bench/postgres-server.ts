// A throwaway PostgreSQL server for the bench, started as scripts/with-postgres.sh starts one:
// initdb into a temporary directory, listen on 127.0.0.1 only, fsync off; as root it runs as the
// `postgres` user. `stop` removes it. Returns null (with the reason) when no server can start.
// With pg_stat_statements installed it is preloaded, so the bench counts SQL statements per message.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface PostgresServer {
  version: string;
  /** A new, empty database on the server. */
  createDatabase(name: string): Promise<string>;
  /** The postmaster's process id: its CPU and its children's is the database's (bench/read-process-cpu.ts). */
  pid: number;
  /** Whether pg_stat_statements is loaded; without it `countStatements` returns null. */
  countsStatements: boolean;
  resetStatements(): Promise<void>;
  /** Statements executed in `database` since the last reset (pg_stat_statements' calls, utility commands such as BEGIN included). */
  countStatements(database: string): Promise<number | null>;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresServer | { failed: string }> {
  const bindir = findBindir();
  if (!bindir) return { failed: 'no PostgreSQL server found (install postgresql, or set PG_BINDIR)' };
  const dir = mkdtempSync(join(tmpdir(), 'xmgj-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]): string => {
    const [command, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bindir, program), ...args]] : [join(bindir, program), args];
    return execFileSync(command, all, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const port = await freePort();
  const countsStatements = existsSync(join(bindir, '..', 'lib', 'pg_stat_statements.so'));
  try {
    if (asRoot)
      chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      );
    run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    run('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off${countsStatements ? ' -c shared_preload_libraries=pg_stat_statements' : ''}`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return {
      failed: `PostgreSQL did not start: ${
        String((error as { stderr?: string }).stderr ?? (error as Error).message)
          .trim()
          .split('\n')[0]
      }`,
    };
  }
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const query = async <T>(sql: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as T[];
    } finally {
      await client.end();
    }
  };
  if (countsStatements) await query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  return {
    pid: Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]),
    countsStatements,
    async resetStatements() {
      if (countsStatements) await query('SELECT pg_stat_statements_reset()');
    },
    async countStatements(database) {
      if (!countsStatements) return null;
      const [row] = await query<{ calls: string | null }>(
        'SELECT sum(calls) AS calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)',
        [database],
      );
      return Number(row?.calls ?? 0);
    },
    // "postgres (PostgreSQL) 15.18 (Debian …)"
    version: run('postgres', ['--version']).trim().split(' ')[2]!,
    async createDatabase(name) {
      await query(`CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function findBindir(): string | null {
  const candidates = [
    process.env.PG_BINDIR,
    ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : []).map(
      (v) => `/usr/lib/postgresql/${v}/bin`,
    ),
  ];
  return candidates.find((dir): dir is string => dir !== undefined && existsSync(join(dir, 'initdb'))) ?? null;
}
