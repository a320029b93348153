// Who hears about a task's outcome: the window relays results to the enterprise (002 五(五)); the
// enterprise contact hears directly once bound; every copy of a call card shows its new status.
import type { HandlerContext } from '../context.js';
import { findPeople, findPerson } from '../../core/recipients/find-people.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { loadCallCard } from '../../use-cases/load-call-card.js';
import { buildCallCard } from './build-call-card.js';

/** Tells every window person except the sender. */
export async function notifyWindow(ctx: HandlerContext, text: string): Promise<void> {
  for (const person of await findPeople(ctx.tx, 'window')) {
    if (person.id !== ctx.sender?.id) await ctx.send(person.id, text);
  }
}

/** Tells the project's 包抓领导 (one project, one leader: 002 五(三)), unless he is the sender. */
export async function notifyLeader(ctx: HandlerContext, project: { leaderId: number | null }, text: string): Promise<void> {
  if (project.leaderId !== null && project.leaderId !== ctx.sender?.id) await ctx.send(project.leaderId, text);
}

/** Tells the project's bound enterprise contact; false when nobody is bound yet. */
export async function notifyEnterprise(ctx: HandlerContext, project: { contactPersonId: number | null }, text: string): Promise<boolean> {
  if (project.contactPersonId === null) return false;
  const contact = await findPerson(ctx.tx, project.contactPersonId);
  if (!contact) return false;
  await ctx.send(contact.id, text);
  return true;
}

/**
 * Updates the call card of everyone it went to (the unit's agents and 责任领导) with the call's and
 * its items' current states (handlers/shared/build-call-card.ts); `status` is the one line shown, or
 * sent as text where the card can no longer be updated. On a card of several items, a status about
 * one item (`item`) names it.
 */
export async function updateCards(ctx: HandlerContext, callId: number, status: string, item?: number): Promise<void> {
  const { call, dispatcher, takenBy, calendar, holderIds } = await loadCallCard(ctx.tx, callId);
  const card = buildCallCard({
    call,
    project: call.project,
    unitName: call.unit.name,
    tasks: call.tasks,
    dispatcher: dispatcher ?? '专窗',
    ...(call.takenAt
      ? { taken: `${takenBy ?? '—'} · ${formatShanghai(call.takenAt)}` }
      : { ackDue: markProvisional(calendar!, shanghaiDate(call.ackDueAt), undefined, formatShanghai(call.ackDueAt)) }),
  });
  const line = item !== undefined && call.tasks.length > 1 ? `T${item} ${status}` : status;
  for (const holder of holderIds) await ctx.send(holder, { kind: 'card_update', card, status: line });
}
