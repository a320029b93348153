// Builds, once per run, the two databases every test database starts from: the migrated schema, and
// the migrated schema with the demo roster imported (what createHarness starts from). Setting up a
// test database used to cost seconds: PGlite's initdb or PostgreSQL's migrations, then the roster import.
// On PGlite each is a data-directory dump loaded into memory; on the TEST_DATABASE_URL server each is a
// database copied with CREATE DATABASE … TEMPLATE. It also compiles the server once for the tests that
// start it as a process (build-bot.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { PrismaClient } from '../../generated/prisma/client.js';
import { applyMigrations } from '../../prisma/apply-migrations.js';
import { openDatabase, type Db } from '../../prisma/open-database.js';
import { pgliteAdapter } from '../../prisma/pglite-adapter.js';
import { buildBot } from './build-bot.js';
import { DEMO_ROSTER } from './harness.js';
import { createPostgresDatabase, dropPostgresDatabase, postgresUrl } from './test-database.js';

/** A dump file (PGlite) or a database name (PostgreSQL) for each kind of test database. */
export interface TestTemplates {
  migrated: string;
  roster: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: TestTemplates;
    /** The directory of the compiled server (bot-command.ts). */
    builtBot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A project's own `env` (vitest.config.ts: `all` sets TEST_DATABASE_URL empty) wins over the process's, as in its workers.
  const server = project.config.env?.TEST_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const [{ templates, remove }, bot] = await Promise.all([server ? makePostgresTemplates(server) : makePgliteTemplates(), buildBot()]);
  project.provide('templates', templates);
  project.provide('builtBot', bot.dir);
  return async () => {
    bot.remove();
    await remove();
  };
}

async function makePgliteTemplates(): Promise<{ templates: TestTemplates; remove(): Promise<void> }> {
  const lite = new PGlite();
  await applyMigrations({
    query: async (sql, params) => (await lite.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (sql) => void (await lite.exec(sql)),
  });
  const migrated = await lite.dumpDataDir('none');
  const prisma = new PrismaClient({ adapter: pgliteAdapter(lite) });
  await importDemoRoster(prisma);
  const roster = await lite.dumpDataDir('none');
  await prisma.$disconnect();
  await lite.close();
  const templates = { migrated: await saveDump(migrated, 'migrated'), roster: await saveDump(roster, 'roster') };
  return { templates, remove: async () => Object.values(templates).forEach((file) => rmSync(file, { force: true })) };
}

async function makePostgresTemplates(server: string): Promise<{ templates: TestTemplates; remove(): Promise<void> }> {
  const templates = { migrated: `template_migrated_${process.pid}`, roster: `template_roster_${process.pid}` };
  await createPostgresDatabase(server, templates.migrated);
  await (await openDatabase(postgresUrl(server, templates.migrated))).close();
  await createPostgresDatabase(server, templates.roster, templates.migrated);
  const withRoster = await openDatabase(postgresUrl(server, templates.roster));
  await importDemoRoster(withRoster.prisma);
  await withRoster.close();
  return {
    templates,
    remove: async () => {
      for (const name of Object.values(templates)) await dropPostgresDatabase(server, name);
    },
  };
}

async function importDemoRoster(prisma: Db): Promise<void> {
  await importRoster(prisma, await readRosterFile(DEMO_ROSTER));
}

async function saveDump(dump: Blob, kind: string): Promise<string> {
  const file = join(tmpdir(), `xmgj-pglite-${kind}-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}
