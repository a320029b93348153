// One access rule, two forms: the SQL filter 进度 and the 看板 list with, and canReadProject that
// opening one project checks. For every role and every way onto a project, both must agree — else a
// project would be listed that does not open, or open without being listed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canReadProject, type Viewer } from '../../domain/access/project-access.js';
import { loadProjectAudience } from '../../use-cases/load-project-audience.js';
import type { Database } from '../../prisma/open-database.js';
import { readableProjectsFilter } from '../../use-cases/readable-projects-filter.js';
import { openTestDatabase } from '../support/test-database.js';

let database: Database;
const viewers: Record<string, Viewer> = {};
const projects: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.prisma;
  const unitA = (await db.unit.create({ data: { name: '自然资源局', key: 'a' } })).id;
  const unitB = (await db.unit.create({ data: { name: '水务局', key: 'b' } })).id;
  const person = async (name: string, roles: string[], unitId: number | null = null) => {
    const created = await db.person.create({ data: { name, roles, unitId } });
    viewers[name] = { id: created.id, roles, unitId };
    return created.id;
  };
  for (const role of ['admin', 'window', 'project_office', 'investment_center', 'main_leader', 'inspection']) await person(role, [role]);
  const leader = await person('county_leader (leads)', ['county_leader']);
  const member = await person('county_leader (on team)', ['county_leader']);
  await person('county_leader (none)', ['county_leader']);
  await person('agent of A', ['agent'], unitA);
  await person('unit_leader of A', ['unit_leader'], unitA);
  await person('agent of B', ['agent'], unitB);
  await person('agent without unit', ['agent']);
  const contact = await person('enterprise contact', ['enterprise']);
  await person('other enterprise contact', ['enterprise']);
  const now = new Date('2026-11-23T02:00:00Z');
  const project = async (name: string, data: object = {}) => (projects[name] = (await db.project.create({ data: { name, investmentWan: 1, ...data } })).id);
  await project('led', { leaderId: leader });
  const teamProject = await project('team member');
  await db.teamMember.create({ data: { projectId: teamProject, personId: member, role: 'leader' } });
  const teamUnit = await project('team unit A');
  await db.teamUnit.create({ data: { projectId: teamUnit, unitId: unitA } });
  const tasked = await project('task of A');
  const call = await db.call.create({ data: { projectId: tasked, unitId: unitA, postedAt: now, ackDueAt: now } });
  await db.task.create({ data: { projectId: tasked, unitId: unitA, callId: call.id, itemCode: 'x', itemName: '取水许可', phase: 1, postedAt: now } });
  await project('lead unit A', { leadUnitId: unitA });
  await project('bound contact', { contactPersonId: contact });
  await project('terminated, bound', { contactPersonId: contact, service: 'terminated' });
  await project('nobody');
});
afterAll(async () => {
  await database.close();
});

it('lists, for every viewer, exactly the projects canReadProject lets them open', async () => {
  const db = database.prisma;
  const table: Record<string, string[]> = {};
  for (const [name, viewer] of Object.entries(viewers)) {
    const listed = await db.$queryRaw<{ name: string }[]>`SELECT p.name FROM "Project" AS p WHERE ${readableProjectsFilter(viewer)} ORDER BY p.id`;
    const opened: string[] = [];
    for (const row of await db.project.findMany({ orderBy: { id: 'asc' } }))
      if (canReadProject(viewer, await loadProjectAudience(db, row))) opened.push(row.name);
    expect(
      listed.map((row) => row.name),
      name,
    ).toEqual(opened);
    table[name] = opened;
  }
  // And the rule is the one docs/domain.md states, not merely two equal mistakes.
  expect(table['main_leader']).toHaveLength(Object.keys(projects).length);
  expect(table['county_leader (leads)']).toEqual(['led']);
  expect(table['county_leader (on team)']).toEqual(['team member']);
  expect(table['county_leader (none)']).toEqual([]);
  expect(table['agent of A']).toEqual(['team unit A', 'task of A', 'lead unit A']);
  expect(table['unit_leader of A']).toEqual(['team unit A', 'task of A', 'lead unit A']);
  expect(table['agent of B']).toEqual([]);
  expect(table['agent without unit']).toEqual([]);
  expect(table['enterprise contact']).toEqual(['bound contact', 'terminated, bound']);
  expect(table['other enterprise contact']).toEqual([]);
});
