// Who hears that a unit came to the window (报到) after its call escalated: the people recorded as the
// arrival audience in the call's `task.escalated` events (domain/escalation/arrival-audience.ts), read
// back rather than recomputed, so a roster change between the step and 报到 tells exactly those the
// step told. The window is told on its own (handlers/shared/notify.ts), the one who came is not told.
import type { Tx } from '../prisma/open-database.js';
import { findPeople } from '../core/recipients/find-people.js';

export interface EscalatedCall {
  id: number;
  projectId: number;
  escalationStep: number;
  unitId: number;
  project: { leaderId: number | null };
}

export async function findArrivalAudience(tx: Tx, call: EscalatedCall, arrivedId: number): Promise<number[]> {
  if (call.escalationStep < 1) return [];
  const events = await tx.event.findMany({
    where: { kind: 'task.escalated', projectId: call.projectId, after: { path: ['callId'], equals: call.id } },
    select: { after: true },
    orderBy: { id: 'asc' },
  });
  const recorded = events.map((event) => (event.after as { audience?: unknown } | null)?.audience);
  const told = new Set<number>();
  if (recorded.length > 0 && recorded.every((audience): audience is number[] => Array.isArray(audience)))
    for (const audience of recorded) for (const id of audience) told.add(id);
  else for (const id of await audienceBeforeRecording(tx, call)) told.add(id);
  const window = new Set((await findPeople(tx, 'window')).map((person) => person.id));
  return [...told].filter((id) => !window.has(id) && id !== arrivedId);
}

/**
 * Steps recorded before the audience was (their events carry no `audience`): the unit's 责任领导 from
 * step 1, the 包抓领导 and 重点项目办 from step 2, as the roster stands now.
 */
async function audienceBeforeRecording(tx: Tx, call: EscalatedCall): Promise<number[]> {
  const told: number[] = [];
  for (const person of await findPeople(tx, 'unit_leader', call.unitId)) told.push(person.id);
  if (call.escalationStep >= 2) {
    if (call.project.leaderId !== null) told.push(call.project.leaderId);
    for (const person of await findPeople(tx, 'project_office')) told.push(person.id);
  }
  return told;
}
