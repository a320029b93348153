// Who is on a project (docs/domain.md "People and roles"): what the one access rule
// (domain/access/project-access.ts canReadProject) reads, for the chat and the 看板 alike.
import type { Project } from '../generated/prisma/client.js';
import type { ProjectAudience } from '../domain/access/project-access.js';
import type { Tx } from '../prisma/open-database.js';

/** Who is on a project: leader, bound contact, team members, team and task units. */
export async function loadProjectAudience(tx: Tx, project: Pick<Project, 'id' | 'leaderId' | 'contactPersonId' | 'leadUnitId'>): Promise<ProjectAudience> {
  const members = await tx.teamMember.findMany({ where: { projectId: project.id }, select: { personId: true } });
  const units = await tx.teamUnit.findMany({ where: { projectId: project.id }, select: { unitId: true } });
  const tasks = await tx.task.findMany({ where: { projectId: project.id }, select: { unitId: true }, distinct: ['unitId'] });
  const unitIds = new Set([...units.map((unit) => unit.unitId), ...tasks.map((task) => task.unitId)]);
  if (project.leadUnitId !== null) unitIds.add(project.leadUnitId);
  return {
    leaderId: project.leaderId,
    contactIds: project.contactPersonId === null ? [] : [project.contactPersonId],
    teamIds: members.map((member) => member.personId),
    unitIds: [...unitIds],
  };
}
