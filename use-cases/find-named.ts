// The look-ups by name that 登记项目, 修改项目 and 组建团队 resolve what was typed with: the units (matched by
// domain/catalogue/resolve-unit.ts), an active person by name (the 包抓领导), a project of the same name.
import type { Person, Unit } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';

export function listUnits(tx: Tx): Promise<Unit[]> {
  return tx.unit.findMany();
}

/** The first active person of that name, by id. */
export function findActivePersonNamed(tx: Tx, name: string): Promise<Person | null> {
  return tx.person.findFirst({ where: { name, active: true }, orderBy: { id: 'asc' } });
}

/** Another project of the same name, whose number the reply gives so nobody registers one twice. */
export async function findProjectNamed(tx: Tx, name: string, exceptId?: number): Promise<number | null> {
  const twin = await tx.project.findFirst({ where: { name, ...(exceptId === undefined ? {} : { id: { not: exceptId } }) }, select: { id: true } });
  return twin?.id ?? null;
}
