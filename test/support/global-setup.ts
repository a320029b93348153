// Builds, once per run, a migrated PGlite data directory that every in-memory test database
// starts from: PGlite's initdb costs seconds, loading a dump about a second.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../prisma/apply-migrations.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const lite = new PGlite();
  await applyMigrations({
    query: async (sql, params) => (await lite.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (sql) => void (await lite.exec(sql)),
  });
  const file = join(tmpdir(), `xmgj-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await (await lite.dumpDataDir('none')).arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}
