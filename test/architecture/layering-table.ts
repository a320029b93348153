// The layering that test/architecture/import-boundaries.test.ts enforces, as docs/architecture.md
// "Layers" draws it (issue 17 item 6). Imports point only down this list; folders on one row (the
// three faces) never import each other.
export const layers: readonly (readonly string[])[] = [
  // wiring that starts things + the platform adapters
  ['bot'],
  // the three faces: chat commands, schedules, the 看板 web pages
  ['handlers', 'cron', 'web'],
  // what two faces share
  ['use-cases'],
  // neutral message shapes, clock, logger, outbox enqueue, recipients
  ['core'],
  // stores; generated/ is the Prisma client they are written with
  ['prisma', 'generated'],
  // pure functions
  ['domain'],
];

/** Where a folder sits: its row in `layers` and the folders on that row it may import (only itself, except a store and its client). */
export function layerOf(folder: string): { rank: number; peers: readonly string[] } | undefined {
  const rank = layers.findIndex((row) => row.includes(folder));
  if (rank < 0) return undefined;
  return { rank, peers: folder === 'prisma' ? ['prisma', 'generated'] : [folder] };
}

/**
 * The packages domain/ may import: none does I/O when given values. zod (schemas of the policy),
 * chinese-days (the statutory calendar's data and lunar dates), node-cron (only its `validate` of a
 * schedule's cron expression), exceljs (reads and writes a workbook from and to bytes), echarts (only the
 * type of a chart's option: domain/charts/ builds options as plain data, core/charts/ draws them).
 */
export const domainPackages: readonly string[] = ['zod', 'chinese-days', 'node-cron', 'exceljs', 'echarts'];

/** Imports of node: modules the domain still makes, each with the file and the reason; none now, and the list only shrinks. */
export const domainBuiltinExceptions: Readonly<Record<string, readonly string[]>> = {};

/**
 * Inside a folder, a sub-folder that others build on may not import them back: handlers/shared/
 * imports from handlers/ only itself and the handler context.
 */
export const innerRules: readonly { from: string; mayImport: readonly string[] }[] = [
  { from: 'handlers/shared/', mayImport: ['handlers/shared/', 'handlers/context.ts'] },
];

/**
 * Faces over use cases (issue 17 item 2): a handler parses, checks who may use the command, calls a use case
 * and words its coded result; every statement — a Prisma model call, raw SQL, a lock — is in a use case or a
 * store. The handler folders moved onto use cases, where test/architecture/handler-statements.test.ts fails on
 * any statement; `handlers/` itself means the files directly in it.
 */
export const handlersOnUseCases: readonly string[] = ['handlers/tasks/', 'handlers/shared/', 'handlers/projects/', 'handlers/enterprise/'];

/** Handler folders not yet moved: their statements are still counted, not refused. Move one, then list it above. */
export const handlersNotYetOnUseCases: readonly string[] = [
  'handlers/',
  'handlers/admin/',
  'handlers/archive/',
  'handlers/catalogue/',
  'handlers/complaints/',
  'handlers/green-card/',
  'handlers/import/',
  'handlers/kanban/',
  'handlers/ledger/',
  'handlers/plans/',
  'handlers/problems/',
  'handlers/progress/',
];
