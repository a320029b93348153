// Fresh, migrated databases for tests: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (scripts/with-postgres.sh sets it).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../prisma/open-database.js';

/** A database for one test file, dropped by `close`. */
export async function openTestDatabase(): Promise<Database> {
  if (!process.env.TEST_DATABASE_URL) {
    // Starts from the migrated dump test/support/global-setup.ts made, skipping PGlite's initdb.
    return openDatabase('memory:', new Blob([readFileSync(inject('pgliteTemplate'))]));
  }
  const { location, remove } = await createTestDatabaseLocation();
  const database = await openDatabase(location);
  return {
    ...database,
    async close() {
      await database.close();
      await remove();
    },
  };
}

/**
 * A database that outlives its connections, for restart and race tests: a temporary PGlite
 * directory, or a new database on the TEST_DATABASE_URL server. Open it with openDatabase
 * (several times, to play a restart or a second instance); `remove` deletes it.
 */
export async function createTestDatabaseLocation(): Promise<{ location: string; remove(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const dir = mkdtempSync(join(tmpdir(), 'xmgj-test-'));
    return { location: dir, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(server, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { location: url.toString(), remove: () => withAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
