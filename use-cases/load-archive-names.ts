// The names an archive shows for what events hold by id or code: people by name (with unit and role
// where it says who was told), approval items by the name the project's plan and tasks carry (the
// catalogue's for an item they never held).
import type { Tx } from '../prisma/open-database.js';
import type { ArchiveNames } from '../domain/archive/describe-event.js';
import { roleNames, type Role } from '../domain/roles.js';

export async function loadArchiveNames(tx: Tx, projectId: number, personIds: readonly number[]): Promise<ArchiveNames> {
  const people = new Map(
    (
      await tx.person.findMany({
        where: { id: { in: [...new Set(personIds)] } },
        select: { id: true, name: true, roles: true, unit: { select: { name: true } } },
      })
    ).map((person) => [person.id, person]),
  );
  const items = new Map((await tx.catalogueItem.findMany({ select: { code: true, name: true } })).map((item) => [item.code, item.name]));
  // The project's own copies win: a plan keeps the name agreed with the enterprise (002 五(四)).
  for (const item of await tx.planItem.findMany({ where: { projectId }, select: { itemCode: true, itemName: true } })) items.set(item.itemCode, item.itemName);
  for (const task of await tx.task.findMany({ where: { projectId }, select: { itemCode: true, itemName: true } })) items.set(task.itemCode, task.itemName);
  return {
    item: (code) => items.get(code) ?? code,
    person: (id) => people.get(id)?.name ?? `#${id}`,
    official: (id) => {
      const person = people.get(id);
      if (!person) return `#${id}`;
      const role = person.roles.find((code): code is Role => code in roleNames);
      return [...new Set([person.unit?.name ?? '', role ? roleNames[role] : '']), person.name].filter(Boolean).join(' ');
    },
  };
}
