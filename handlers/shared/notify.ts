// Who hears about a task's outcome: the window relays results to the enterprise (002 五(五)); the
// enterprise contact hears directly once bound; every copy of a task card shows its new status.
import type { Project, Task } from '../../generated/prisma/client.js';
import type { HandlerContext } from '../context.js';
import { findPeople } from '../../prisma/find-people.js';
import { buildTaskCard } from '../tasks/build-task-card.js';

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
  const contact = await ctx.tx.person.findFirst({ where: { id: project.contactPersonId, active: true } });
  if (!contact) return false;
  await ctx.send(contact.id, text);
  return true;
}

/**
 * Updates the task card of everyone it went to (the unit's agents and 责任领导): after 报到
 * (`taken`) its 办结 and 退回 buttons stay; otherwise it is final and shows `status`.
 */
export async function updateCards(ctx: HandlerContext, task: Task & { project: Project }, status: string, taken?: string): Promise<void> {
  const dispatcher = task.dispatchedById === null ? null : await ctx.tx.person.findUnique({ where: { id: task.dispatchedById }, select: { name: true } });
  const card = buildTaskCard({ task, project: task.project, dispatcher: dispatcher?.name ?? '专窗', taken, closed: !taken });
  const holders = await ctx.tx.person.findMany({
    where: { active: true, unitId: task.unitId, roles: { hasSome: ['agent', 'unit_leader'] } },
    select: { id: true },
  });
  for (const holder of holders) await ctx.send(holder.id, { kind: 'card_update', card, status });
}
