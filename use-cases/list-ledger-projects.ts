// The 台账 as a list a person filters, sorts and pages (the 看板's ledger page): only the projects the
// one access rule lets them read (readable-projects-filter.ts), each with the light 进度 shows
// (use-cases/load-project-lights.ts). Paging is SQL LIMIT/OFFSET; a light filter must light every
// matching project first, since the light is computed, not stored.
import { Prisma, type Project } from '../generated/prisma/client.js';
import type { Viewer } from '../domain/access/project-access.js';
import type { Policy } from '../domain/policy.js';
import type { Light } from '../domain/project/traffic-light.js';
import type { Tx } from '../prisma/open-database.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { loadProjectLights } from './load-project-lights.js';
import { readableProjectsFilter } from './readable-projects-filter.js';

export const LEDGER_PAGE_SIZE = 20;

export interface LedgerFilters {
  project?: number;
  stage?: string;
  service?: string;
  light?: Light;
  unitId?: number;
  leaderId?: number;
  industry?: string;
  signedFrom?: string;
  signedTo?: string;
  startedFrom?: string;
  startedTo?: string;
  search?: string;
}

export const ledgerSorts = { id: 'p.id', name: 'p.name', investment: 'p."investmentWan"', signed: 'p."signedOn"' } as const;
export type LedgerSort = keyof typeof ledgerSorts;

export interface LedgerRow extends Project {
  leadUnitName: string | null;
  leaderPersonName: string | null;
  light: Light;
}

export interface LedgerListing {
  rows: LedgerRow[];
  total: number;
}

export async function listLedgerProjects(
  db: Tx,
  options: { viewer: Viewer; now: Date; policy: Policy; filters: LedgerFilters; sort: LedgerSort; descending: boolean; page: number },
): Promise<LedgerListing> {
  const { filters } = options;
  const where = [readableProjectsFilter(options.viewer), ...conditions(filters)];
  const whereSql = Prisma.join(where, ' AND ');
  const order = Prisma.raw(`${ledgerSorts[options.sort]} ${options.descending ? 'DESC NULLS LAST' : 'ASC NULLS LAST'}, p.id ASC`);
  const select = Prisma.sql`SELECT p.*, u.name AS "leadUnitName", l.name AS "leaderPersonName"
    FROM "Project" AS p LEFT JOIN "Unit" AS u ON u.id = p."leadUnitId" LEFT JOIN "Person" AS l ON l.id = p."leaderId"
    WHERE ${whereSql} ORDER BY ${order}`;
  const offset = (options.page - 1) * LEDGER_PAGE_SIZE;
  const calendar = await loadWorkingCalendar(db);
  const light = (projects: Omit<LedgerRow, 'light'>[]) =>
    loadProjectLights(db, projects, { now: options.now, policy: options.policy, calendar }).then((lights) =>
      projects.map((project) => ({ ...project, light: lights.get(project.id)! })),
    );
  if (filters.light) {
    const all = (await light(await db.$queryRaw<Omit<LedgerRow, 'light'>[]>`${select}`)).filter((row) => row.light === filters.light);
    return { rows: all.slice(offset, offset + LEDGER_PAGE_SIZE), total: all.length };
  }
  const [{ count }] = await db.$queryRaw<[{ count: bigint }]>`SELECT count(*) AS count FROM "Project" AS p WHERE ${whereSql}`;
  const page = await db.$queryRaw<Omit<LedgerRow, 'light'>[]>`${select} LIMIT ${LEDGER_PAGE_SIZE} OFFSET ${offset}`;
  return { rows: await light(page), total: Number(count) };
}

function conditions(filters: LedgerFilters): Prisma.Sql[] {
  const sql: Prisma.Sql[] = [];
  if (filters.project !== undefined) sql.push(Prisma.sql`p.id = ${filters.project}`);
  if (filters.stage) sql.push(Prisma.sql`p.stage = ${filters.stage}`);
  if (filters.service) sql.push(Prisma.sql`p.service = ${filters.service}`);
  if (filters.unitId !== undefined) sql.push(Prisma.sql`p."leadUnitId" = ${filters.unitId}`);
  if (filters.leaderId !== undefined) sql.push(Prisma.sql`p."leaderId" = ${filters.leaderId}`);
  if (filters.industry) sql.push(Prisma.sql`p.industry = ${filters.industry}`);
  if (filters.signedFrom) sql.push(Prisma.sql`p."signedOn" >= ${filters.signedFrom}::date`);
  if (filters.signedTo) sql.push(Prisma.sql`p."signedOn" <= ${filters.signedTo}::date`);
  if (filters.startedFrom) sql.push(Prisma.sql`p."startedOn" >= ${filters.startedFrom}::date`);
  if (filters.startedTo) sql.push(Prisma.sql`p."startedOn" <= ${filters.startedTo}::date`);
  if (filters.search) sql.push(Prisma.sql`p.name ILIKE ${`%${filters.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`}`);
  return sql;
}
