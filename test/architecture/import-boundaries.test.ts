// The layering of docs/architecture.md "Layers" (test/architecture/layering-table.ts), checked on
// every file of the tree, and the check itself checked: each violation issue 17 planted, added to a
// small tree that keeps the layering, fails it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportBoundaries } from './check-import-boundaries.js';
import { listImports } from './list-imports.js';
import { readLayeredSources } from './read-layered-sources.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A tree with one file per layer, each importing the one below: it keeps the layering. */
const clean: Record<string, string> = {
  'domain/add-days.ts': "import { z } from 'zod';\nexport const days = z.number();",
  'prisma/open-database.ts':
    "import type { PrismaClient } from '../generated/prisma/client.js';\nimport { days } from '../domain/add-days.js';\nexport type Tx = PrismaClient;\nexport { days };",
  'core/clock.ts': "import type { Tx } from '../prisma/open-database.js';\nexport type Clock = { now(): Date; tx?: Tx };",
  'use-cases/show-light.ts': "import type { Clock } from '../core/clock.js';\nexport const showLight = (clock: Clock) => clock.now();",
  'handlers/help.ts': "import { showLight } from '../use-cases/show-light.js';\nexport const help = showLight;",
  'handlers/shared/notify.ts': "import type { Clock } from '../../core/clock.js';\nexport const notify = (clock: Clock) => clock;",
  'handlers/tasks/take-call.ts': "import { notify } from '../shared/notify.js';\nexport const takeCall = notify;",
  'cron/warn.ts': "import type { Clock } from '../core/clock.js';\nexport const warn = (clock: Clock) => clock;",
  'web/show-board.ts': "import { showLight } from '../use-cases/show-light.js';\nexport const showBoard = showLight;",
  'bot/config.ts': 'export const config = {};',
  'bot/wecom/send.ts': 'export const send = () => undefined;',
  'bot/app.ts':
    "import { help } from '../handlers/help.js';\nimport { warn } from '../cron/warn.js';\nimport { send } from './wecom/send.js';\nexport const app = [help, warn, send];",
};

function check(planted: Record<string, string>): string[] {
  return checkImportBoundaries(new Map(Object.entries({ ...clean, ...planted })));
}

describe('import boundaries', () => {
  it('the tree keeps the layering: every import points down, the faces do not import each other, no cycle', () => {
    const files = readLayeredSources(root);
    expect(files.size).toBeGreaterThan(250);
    expect(checkImportBoundaries(files)).toEqual([]);
  });

  it('a small tree that keeps the layering passes', () => {
    expect(check({})).toEqual([]);
  });

  // The 11 violations of issue 17 ("The boundary test guards little"), and a few more ways to write one.
  it.each([
    [
      'the domain importing @prisma/client',
      { 'domain/bad.ts': "import { Prisma } from '@prisma/client';" },
      'domain/bad.ts:1 (import) → @prisma/client: the domain imports only the packages',
    ],
    [
      'the domain importing node:fs',
      { 'domain/bad.ts': "import { readFileSync } from 'node:fs';" },
      'domain/bad.ts:1 (import) → node:fs: the domain imports no node: module',
    ],
    [
      'a side-effect import of ../prisma',
      { 'domain/bad.ts': "import '../prisma/open-database.js';" },
      'domain/bad.ts:1 (side-effect import) → prisma/open-database.ts: domain/ may not import prisma/',
    ],
    [
      'an import() of ../prisma',
      { 'domain/bad.ts': "export async function load() {\n  return import('../prisma/open-database.js');\n}" },
      'domain/bad.ts:2 (dynamic import()) → prisma/open-database.ts: domain/ may not import prisma/',
    ],
    [
      'handlers importing bot/app',
      { 'handlers/bad.ts': "import { app } from '../bot/app.js';" },
      'handlers/bad.ts:1 (import) → bot/app.ts: handlers/ may not import bot/',
    ],
    [
      'handlers importing bot/config',
      { 'handlers/bad.ts': "import type { config } from '../bot/config.js';" },
      'handlers/bad.ts:1 (import type) → bot/config.ts: handlers/ may not import bot/',
    ],
    [
      'handlers importing cron/',
      { 'handlers/bad.ts': "import { warn } from '../cron/warn.js';" },
      'handlers/bad.ts:1 (import) → cron/warn.ts: handlers/ and cron/ are faces side by side',
    ],
    [
      'cron importing bot/wecom',
      { 'cron/bad.ts': "import { send } from '../bot/wecom/send.js';" },
      'cron/bad.ts:1 (import) → bot/wecom/send.ts: cron/ may not import bot/',
    ],
    [
      'prisma/ importing handlers/',
      { 'prisma/bad.ts': "import { help } from '../handlers/help.js';" },
      'prisma/bad.ts:1 (import) → handlers/help.ts: prisma/ may not import handlers/',
    ],
    [
      'a type-only import cycle',
      {
        'core/a.ts': "import type { B } from './b.js';\nexport type A = { b?: B };",
        'core/b.ts': "import type { A } from './a.js';\nexport type B = { a?: A };",
      },
      'import cycle: core/a.ts → core/b.ts → core/a.ts',
    ],
    [
      'web/ importing handlers/',
      { 'web/bad.ts': "import { help } from '../handlers/help.js';" },
      'web/bad.ts:1 (import) → handlers/help.ts: web/ and handlers/ are faces side by side',
    ],
    [
      'a re-export from bot/',
      { 'core/bad.ts': "export { config } from '../bot/config.js';" },
      'core/bad.ts:1 (export from) → bot/config.ts: core/ may not import bot/',
    ],
    [
      'a type query of import() upward',
      { 'prisma/bad.ts': "export type C = typeof import('../core/clock.js');" },
      'prisma/bad.ts:1 (import type) → core/clock.ts: prisma/ may not import core/',
    ],
    [
      'an import() of a computed name',
      { 'cron/bad.ts': "const name = '../bot/app.js';\nexport const load = () => import(name);" },
      'cron/bad.ts:2 (dynamic import()): an import() of a computed name cannot be checked',
    ],
    [
      'handlers/shared/ importing a command folder',
      { 'handlers/shared/bad.ts': "import { takeCall } from '../tasks/take-call.js';" },
      'handlers/shared/bad.ts:1 (import) → handlers/tasks/take-call.ts: handlers/shared/ may import',
    ],
    [
      'core/ importing the faces',
      { 'core/bad.ts': "import { help } from '../handlers/help.js';" },
      'core/bad.ts:1 (import) → handlers/help.ts: core/ may not import handlers/',
    ],
    [
      'a longer cycle',
      { 'cron/a.ts': "import './b.js';", 'cron/b.ts': "import './c.js';", 'cron/c.ts': "export * from './a.js';" },
      'import cycle: cron/a.ts → cron/b.ts → cron/c.ts → cron/a.ts',
    ],
  ])('fails on %s', (_name, planted, expected) => {
    const violations = check(planted);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(expected);
  });

  it('reads imports from code only, not from comments or strings', () => {
    const text = "// import '../bot/app.js';\nconst s = \"import('../bot/app.js')\";\nimport type { Clock } from '../core/clock.js';";
    expect(listImports('handlers/x.ts', text)).toEqual([{ specifier: '../core/clock.js', kind: 'import type', line: 3 }]);
  });
});
