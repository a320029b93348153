// A throwaway PostgreSQL server for the bench, started as scripts/with-postgres.sh starts one:
// initdb into a temporary directory, listen on 127.0.0.1 only, fsync off; as root it runs as the
// `postgres` user. `stop` removes it. Returns null (with the reason) when no server can start.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface PostgresServer {
  version: string;
  /** A new, empty database on the server. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** `settings`: more `-c name=value` server settings (bench/end-to-end-alone.ts preloads pg_stat_statements). */
export async function startPostgres(settings: readonly string[] = []): Promise<PostgresServer | { failed: string }> {
  const bindir = findBindir();
  if (!bindir) return { failed: 'no PostgreSQL server found (install postgresql, or set PG_BINDIR)' };
  const dir = mkdtempSync(join(tmpdir(), 'xmgj-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]): string => {
    const [command, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bindir, program), ...args]] : [join(bindir, program), args];
    return execFileSync(command, all, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const port = await freePort();
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
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off${settings.map((setting) => ` -c ${setting}`).join('')}`,
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
  return {
    // "postgres (PostgreSQL) 15.18 (Debian …)"
    version: run('postgres', ['--version']).trim().split(' ')[2]!,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
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
