// The units a team needs: those owning the plan's items, or, before there is a plan, those
// owning the default plan's items (002 五(三): by the approval items the project involves).
import type { Unit } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import { matchUnit } from '../domain/catalogue/match-unit.js';
import { loadCatalogue } from './load-catalogue.js';

export async function proposeTeamUnits(tx: Tx, projectId: number, allUnits: Unit[]): Promise<Unit[]> {
  const planned = await tx.planItem.findMany({ where: { projectId, unitId: { not: null } }, select: { unitId: true } });
  const ids =
    planned.length > 0
      ? planned.map((item) => item.unitId!)
      : (await loadCatalogue(tx)).filter((item) => item.core).flatMap((item) => matchUnit(item.unitNames, allUnits)?.id ?? []);
  return allUnits.filter((unit) => ids.includes(unit.id));
}
