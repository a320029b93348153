import { describe, expect, it } from 'vitest';
import { canHandleTask, canReadProject, isEnterpriseOnly, seesFullMobile } from '../../../domain/access/project-access.js';

const project = { leaderId: 10, contactIds: [50], teamIds: [10, 20], unitIds: [3] };
const person = (id: number, roles: string[], unitId: number | null = null) => ({ id, roles, unitId });

describe('canReadProject', () => {
  it('lets coordinators, main leaders and 督查 read every project', () => {
    for (const role of ['admin', 'window', 'project_office', 'investment_center', 'main_leader', 'inspection']) {
      expect(canReadProject(person(1, [role]), project), role).toBe(true);
    }
  });

  it('lets a county leader read only the projects he leads or is on', () => {
    expect(canReadProject(person(10, ['county_leader']), project)).toBe(true);
    expect(canReadProject(person(11, ['county_leader']), project)).toBe(false);
  });

  it('lets agents and 责任领导 read projects their unit works on', () => {
    expect(canReadProject(person(30, ['agent'], 3), project)).toBe(true);
    expect(canReadProject(person(31, ['unit_leader'], 4), project)).toBe(false);
  });

  it('lets an enterprise contact read only their own project', () => {
    expect(canReadProject(person(50, ['enterprise']), project)).toBe(true);
    expect(canReadProject(person(51, ['enterprise']), project)).toBe(false);
    expect(isEnterpriseOnly(person(50, ['enterprise']))).toBe(true);
    expect(isEnterpriseOnly(person(50, ['enterprise', 'window']))).toBe(false);
  });
});

describe('seesFullMobile', () => {
  it('shows mobiles to the window and the team, not to others', () => {
    expect(seesFullMobile(person(1, ['window']), project)).toBe(true);
    expect(seesFullMobile(person(20, ['agent'], 3), project)).toBe(true);
    expect(seesFullMobile(person(2, ['project_office']), project)).toBe(false);
    expect(seesFullMobile(person(30, ['agent'], 3), project)).toBe(false);
  });
});

describe('canHandleTask', () => {
  it('allows only agents and 责任领导 of the task unit', () => {
    expect(canHandleTask(person(30, ['agent'], 3), 3)).toBe(true);
    expect(canHandleTask(person(31, ['unit_leader'], 3), 3)).toBe(true);
    expect(canHandleTask(person(32, ['agent'], 4), 3)).toBe(false);
    expect(canHandleTask(person(1, ['window'], 3), 3)).toBe(false);
  });
});
