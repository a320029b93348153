// Writes a project's team: its units, and as members the leader plus every agent and 责任领导 of
// those units. Forming the team again replaces it; the event log keeps the previous one.
import type { Person, Project } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import type { PersonRef } from '../core/recipients/find-people.js';

export interface Team {
  units: { id: number; name: string }[];
  members: PersonRef[];
  /** Units other than the lead unit that no agent could represent. */
  unitsWithoutAgent: string[];
}

export async function replaceTeam(ctx: Acting, project: Project, leader: Person, unitIds: number[]): Promise<Team> {
  const { tx } = ctx;
  const before = {
    leaderId: project.leaderId,
    unitIds: (await tx.teamUnit.findMany({ where: { projectId: project.id } })).map((unit) => unit.unitId),
  };
  const units = await tx.unit.findMany({ where: { id: { in: unitIds } }, orderBy: { id: 'asc' } });
  const staff = await tx.person.findMany({
    where: { active: true, unitId: { in: unitIds }, roles: { hasSome: ['agent', 'unit_leader'] } },
    orderBy: { id: 'asc' },
  });

  await tx.teamUnit.deleteMany({ where: { projectId: project.id } });
  await tx.teamMember.deleteMany({ where: { projectId: project.id } });
  await tx.teamUnit.createMany({ data: units.map((unit) => ({ projectId: project.id, unitId: unit.id })) });
  const members = [
    { personId: leader.id, role: 'leader' },
    ...staff
      .filter((person) => person.id !== leader.id)
      .map((person) => ({ personId: person.id, role: person.roles.includes('agent') ? 'agent' : 'unit_leader' })),
  ];
  await tx.teamMember.createMany({ data: members.map((member) => ({ projectId: project.id, ...member })) });
  await tx.project.update({ where: { id: project.id }, data: { leaderId: leader.id, teamFormedAt: project.teamFormedAt ?? ctx.now } });
  await ctx.record({
    kind: 'project.team_formed',
    projectId: project.id,
    before,
    after: { leaderId: leader.id, unitIds: units.map((unit) => unit.id), memberIds: members.map((member) => member.personId) },
  });

  return {
    units: units.map((unit) => ({ id: unit.id, name: unit.name })),
    members: [leader, ...staff.filter((person) => person.id !== leader.id)].map((person) => ({ id: person.id, name: person.name })),
    unitsWithoutAgent: units
      .filter((unit) => unit.id !== project.leadUnitId && !staff.some((person) => person.unitId === unit.id && person.roles.includes('agent')))
      .map((unit) => unit.name),
  };
}
