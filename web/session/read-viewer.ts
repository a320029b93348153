// Who a 看板 request comes from: read again from the roster on every request, so a person who left the
// roster (Person.active false) is refused at once, not when their 8-hour cookie ends.
import type { Tx } from '../../prisma/open-database.js';
import type { PageViewer } from '../page.js';

export async function readViewer(db: Tx, personId: number): Promise<PageViewer | null> {
  const person = await db.person.findUnique({ where: { id: personId }, select: { id: true, name: true, unitId: true, roles: true, active: true } });
  if (!person || !person.active) return null;
  return { id: person.id, name: person.name, unitId: person.unitId, roles: person.roles };
}
