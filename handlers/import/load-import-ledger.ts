// What reading and planning an import needs from the database (docs/domain.md "Importing a ledger"): the
// units and the active people rows are matched against, and the projects a row may update.
import type { Tx } from '../../prisma/open-database.js';
import type { ImportLookups } from '../../domain/import/read-import-row.js';
import type { ExistingProject } from '../../domain/import/plan-import.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import type { Policy } from '../../domain/policy.js';

export async function loadImportLookups(tx: Tx, policy: Policy, now: Date): Promise<ImportLookups> {
  const units = await tx.unit.findMany({ select: { id: true, name: true } });
  const people = await tx.person.findMany({
    where: { active: true, NOT: { roles: { has: 'enterprise' } } },
    select: { id: true, name: true },
    orderBy: { id: 'asc' },
  });
  return { units, people, unitAliases: policy.unitAliases, today: shanghaiDate(now) };
}

const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

export async function loadExistingProjects(tx: Tx): Promise<ExistingProject[]> {
  const units = new Map((await tx.unit.findMany({ select: { id: true, name: true } })).map((unit) => [unit.id, unit]));
  const projects = await tx.project.findMany({ orderBy: { id: 'asc' } });
  return projects.map((project) => ({
    id: project.id,
    name: project.name,
    service: project.service,
    content: project.content,
    industry: project.industry,
    enterprise: project.enterprise,
    targetTasks: project.targetTasks,
    timeNodes: project.timeNodes,
    investmentWan: Number(project.investmentWan),
    contactName: project.contactName,
    contactMobile: project.contactMobile,
    leadUnit: (project.leadUnitId !== null && units.get(project.leadUnitId)) || null,
    leaderName: project.leaderName,
    signedOn: day(project.signedOn),
    landListedOn: day(project.landListedOn),
    expectedStartOn: day(project.expectedStartOn),
    startedOn: day(project.startedOn),
  }));
}
