// Who hears about a task's outcome: the window relays results to the enterprise (002 五(五)); the
// enterprise contact hears directly once bound; every copy of a card shows its new status.
import type { TaskCard } from '../../bot/outgoing-message.js';
import type { HandlerContext } from '../context.js';
import { findPeople } from './find-people.js';

/** Tells every window person except the sender. */
export async function notifyWindow(ctx: HandlerContext, text: string): Promise<void> {
  for (const person of await findPeople(ctx.tx, 'window')) {
    if (person.id !== ctx.sender?.id) await ctx.send(person.userid, text);
  }
}

/** Tells the project's bound enterprise contact; false when nobody is bound yet. */
export async function notifyEnterprise(ctx: HandlerContext, project: { contactPersonId: number | null }, text: string): Promise<boolean> {
  if (project.contactPersonId === null) return false;
  const contact = await ctx.tx.person.findFirst({ where: { id: project.contactPersonId, active: true } });
  if (!contact) return false;
  await ctx.send(contact.userid, text);
  return true;
}

/** Updates every copy of a task card: to `card` when given, else its buttons become `status`. */
export async function updateCards(ctx: HandlerContext, taskId: number, status: string, card?: TaskCard): Promise<void> {
  const copies = await ctx.tx.outbox.findMany({ where: { kind: 'card', taskId }, select: { recipient: true }, orderBy: { id: 'asc' } });
  for (const recipient of new Set(copies.map((copy) => copy.recipient))) await ctx.send(recipient, { kind: 'card_update', taskId, status, ...(card && { card }) }, { taskId });
}
