// Roster look-ups for recipients: the window, 重点项目办, a unit's agents and 责任领导.
import type { Tx } from '../../prisma/open-database.js';
import type { Role } from '../../domain/roles.js';

export interface PersonRef {
  id: number;
  name: string;
}

const select = { id: true, name: true } as const;

/** Active people holding `role`, optionally only in one unit. */
export async function findPeople(tx: Tx, role: Role, unitId?: number): Promise<PersonRef[]> {
  return tx.person.findMany({
    where: { active: true, roles: { has: role }, ...(unitId === undefined ? {} : { unitId }) },
    select,
    orderBy: { id: 'asc' },
  });
}

export async function findPerson(tx: Tx, id: number | null): Promise<PersonRef | null> {
  if (id === null) return null;
  return tx.person.findFirst({ where: { id, active: true }, select });
}

export interface RosterPerson extends PersonRef {
  unitId: number | null;
  roles: string[];
}

/**
 * Active people in one query (a batch's recipients, where findPeople per unit would be a query each): everyone
 * holding one of `roles`, those holding one of `unitRoles` (or, with 'any', every member) in one of `unitIds`,
 * and those `ids` names. 'any' serves the fallback of domain/roster/pick-unit-contacts.ts.
 */
export async function findPeopleAmong(
  tx: Tx,
  among: { roles: readonly Role[]; unitRoles: readonly Role[] | 'any'; unitIds: readonly number[]; ids: readonly number[] },
): Promise<RosterPerson[]> {
  return tx.person.findMany({
    where: {
      active: true,
      OR: [
        { roles: { hasSome: [...among.roles] } },
        { ...(among.unitRoles === 'any' ? {} : { roles: { hasSome: [...among.unitRoles] } }), unitId: { in: [...among.unitIds] } },
        { id: { in: [...among.ids] } },
      ],
    },
    select: { ...select, unitId: true, roles: true },
    orderBy: { id: 'asc' },
  });
}
