// Fresh, migrated databases for tests: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (scripts/with-postgres.sh sets it). Both are copies
// of the templates test/support/global-setup.ts made once per run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import type { TestTemplates } from './global-setup.js';
import { openReusedPglite } from './reuse-pglite-database.js';

/** A database for one test file, dropped by `close`. */
export function openTestDatabase(): Promise<Database> {
  return openFromTemplate('migrated');
}

/** Like openTestDatabase, with the demo roster (harness.ts DEMO_ROSTER) already imported. */
export function openTestDatabaseWithRoster(): Promise<Database> {
  return openFromTemplate('roster');
}

// Each test file runs in a process of its own: a template's dump is read once per file, not per test,
// and a closed PGlite database is put back as the template had it and handed out again (reuse-pglite-database.ts).
const dumps = new Map<string, Blob>();

async function openFromTemplate(kind: keyof TestTemplates): Promise<Database> {
  const template = inject('templates')[kind];
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    if (!dumps.has(template)) dumps.set(template, new Blob([readFileSync(template)]));
    return openReusedPglite(template, dumps.get(template)!);
  }
  const name = newDatabaseName();
  await createPostgresDatabase(server, name, template);
  const database = await openDatabase(postgresUrl(server, name));
  return {
    ...database,
    async close() {
      await database.close();
      await dropPostgresDatabase(server, name);
    },
  };
}

/**
 * A database that outlives its connections, for restart and race tests: a temporary PGlite
 * directory, or a new database on the TEST_DATABASE_URL server. Open it with openDatabase
 * (several times, to play a restart or a second instance); `remove` deletes it. With `template` (PostgreSQL
 * only) it starts as a copy of that template instead of empty.
 */
export async function createTestDatabaseLocation(template?: keyof TestTemplates): Promise<{ location: string; remove(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    if (template) throw new Error('a test database location from a template needs TEST_DATABASE_URL');
    const dir = mkdtempSync(join(tmpdir(), 'xmgj-test-'));
    return { location: dir, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = newDatabaseName();
  await createPostgresDatabase(server, name, template && inject('templates')[template]);
  return { location: postgresUrl(server, name), remove: () => dropPostgresDatabase(server, name) };
}

function newDatabaseName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/** A new, empty database on `server`, or a copy of the database `template`. */
export async function createPostgresDatabase(server: string, name: string, template?: string): Promise<void> {
  await withAdmin(server, (admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
}

export async function dropPostgresDatabase(server: string, name: string): Promise<void> {
  await withAdmin(server, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The URL of database `name` on `server`. */
export function postgresUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
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
