// Opens the database: embedded PGlite (a directory, or memory for tests) or a PostgreSQL server.
// Both are PostgreSQL, so one schema and one set of migrations serve both (docs/architecture.md "Toolchain notes").
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { pgAdapter } from './pg-adapter.js';
import { pgliteAdapter } from './pglite-adapter.js';
import { applyMigrations, type SqlRunner } from './apply-migrations.js';
import { registerDriver } from './query-driver.js';

export type Db = PrismaClient;
/** The client handed to code inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  /** Names of the migrations this open applied (empty when the schema was current). */
  applied: string[];
  /** The embedded database's data directory as a gzipped tar, taken between queries (PGlite's dumpDataDir); unset on PostgreSQL. */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

/**
 * PostgreSQL's default 128 MB buffer pool is set up in the server process's own memory at open: a
 * county's working set is far smaller, and the files stay in the operating system's page cache
 * (docs/architecture.md "Start-up and memory").
 */
export const PGLITE_SETTINGS = ['shared_buffers=32MB'];

/**
 * `location` is a `postgres://` URL, `memory:` (tests), or a directory for PGlite.
 * `template` (in memory only) is a PGlite data-directory dump to start from, which skips
 * PGlite's initdb, the slow part of opening a new database.
 * Pending migrations are applied before the client is returned.
 */
export async function openDatabase(location: string, template?: Blob): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(location)) return openPostgres(location);
  const lite = new PGlite({ ...(location === 'memory:' ? { loadDataDir: template } : { dataDir: location }), postgresqlconf: PGLITE_SETTINGS });
  const applied = await applyMigrations(pgliteRunner(lite));
  let open: Transaction | null = null;
  const prisma = new PrismaClient({ adapter: pgliteAdapter(lite, (tx) => (open = tx)) });
  registerDriver(prisma, {
    query: async (sql, params) => (await lite.query<Record<string, unknown>>(sql, [...params])).rows,
    inTransaction: () => {
      const tx = open;
      return tx && (async (sql, params) => (await tx.query<Record<string, unknown>>(sql, [...params])).rows);
    },
  });
  return {
    prisma,
    kind: 'pglite',
    applied,
    dump: () => lite.dumpDataDir('gzip'),
    async close() {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let applied: string[];
  try {
    applied = await applyMigrations(pgRunner(client));
  } finally {
    await client.end();
  }
  // One pool for Prisma and the driver-level statements (prisma/query-driver.ts); Prisma's disconnect ends it.
  const pool = new pg.Pool({ connectionString: url });
  const prisma = new PrismaClient({ adapter: pgAdapter(pool) });
  registerDriver(prisma, { query: async (sql, params) => (await pool.query<Record<string, unknown>>(sql, [...params])).rows, inTransaction: () => null });
  return { prisma, kind: 'postgres', applied, close: () => prisma.$disconnect() };
}

function pgliteRunner(lite: PGlite): SqlRunner {
  return {
    query: async (sql, params) => (await lite.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (sql) => void (await lite.exec(sql)),
  };
}

function pgRunner(client: pg.Client): SqlRunner {
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    // No parameters: the simple-query protocol accepts a whole file of statements.
    exec: async (sql) => void (await client.query(sql)),
  };
}
