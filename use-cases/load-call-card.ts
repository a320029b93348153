// What a call card shows and who holds a copy (the unit's active agents and 责任领导): the call with its project,
// unit and items, the names of who dispatched and who took it, and the calendar that marks a provisional
// deadline. handlers/shared/build-call-card.ts words the card.
import type { Tx } from '../prisma/open-database.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

export async function loadCallCard(tx: Tx, callId: number) {
  const call = await tx.call.findUniqueOrThrow({ where: { id: callId }, include: { project: true, unit: true, tasks: { orderBy: { id: 'asc' } } } });
  const people = await tx.person.findMany({ where: { id: { in: [call.dispatchedById ?? -1, call.takenById ?? -1] } }, select: { id: true, name: true } });
  const nameOf = (id: number | null) => people.find((person) => person.id === id)?.name ?? null;
  // Only a card still waiting for 报到 shows a deadline, the one place the calendar is read.
  const calendar: WorkingCalendar | null = call.takenAt ? null : await loadWorkingCalendar(tx);
  const holders = await tx.person.findMany({
    where: { active: true, unitId: call.unitId, roles: { hasSome: ['agent', 'unit_leader'] } },
    select: { id: true },
  });
  return { call, dispatcher: nameOf(call.dispatchedById), takenBy: nameOf(call.takenById), calendar, holderIds: holders.map((holder) => holder.id) };
}
