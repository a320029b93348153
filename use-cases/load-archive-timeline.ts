// The project's whole timeline (一事一档, 002 五(十)), oldest first: every event of the append-only log,
// who did what, when, in which role and through which channel, and every notice delivered to the
// enterprise (送达). The chat's 档案 pages it; the 看板's project page shows it whole.
import type { Event, Project } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import { describeDelivery } from '../domain/archive/describe-delivery.js';
import { describeEvent, escalationEventKinds } from '../domain/archive/describe-event.js';
import { roleNames, type Role } from '../domain/roles.js';
import type { PlatformNames } from '../domain/platform-names.js';
import { loadArchiveNames } from './load-archive-names.js';
import { loadDeliveries } from './load-deliveries.js';

export interface ArchiveEntry {
  at: Date;
  /** Worded on demand: a page of the chat's 档案 words only its own lines. */
  text: () => string;
}

/** The event log's channel is a platform, or `system` for what the bot did on its own. */
const SYSTEM_CHANNEL = 'system';

export async function loadArchiveTimeline(tx: Tx, project: Pick<Project, 'id' | 'contactPersonId'>, platforms: PlatformNames): Promise<ArchiveEntry[]> {
  const events = await tx.event.findMany({ where: { projectId: project.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const contactIds = new Set(events.flatMap((event) => (event.kind === 'project.contact_bound' ? [Number(factsOf(event).contactPersonId)] : [])));
  if (project.contactPersonId !== null) contactIds.add(project.contactPersonId);
  const deliveries = await loadDeliveries(tx, project.id, [...contactIds]);
  const names = await loadArchiveNames(tx, project.id, [
    ...events.flatMap((event) => (event.actorId === null ? [] : [event.actorId])),
    ...events.flatMap((event) => (escalationEventKinds.includes(event.kind) && Array.isArray(factsOf(event).told) ? (factsOf(event).told as number[]) : [])),
    ...contactIds,
  ]);

  return [
    ...events.map((event) => ({
      at: event.at,
      text: () => {
        const who = event.actorId === null ? '系统' : names.person(event.actorId);
        const role = roleNames[event.actorRole?.split(',')[0] as Role];
        return `${who}（${role ? `${role}·` : ''}${event.channel === SYSTEM_CHANNEL ? '系统' : platforms.nameOf(event.channel)}）${describeEvent(event, names)}`;
      },
    })),
    ...deliveries.map((delivery) => ({
      at: delivery.at,
      text: () => {
        const via = delivery.platform === null ? '' : `·${platforms.nameOf(delivery.platform)}`;
        return `${names.person(delivery.personId)}（${roleNames.enterprise}${via}）${describeDelivery(delivery)}`;
      },
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime()); // stable: an event stays before the delivery it caused
}

function factsOf(event: Event): Record<string, unknown> {
  return typeof event.after === 'object' && event.after !== null ? (event.after as Record<string, unknown>) : {};
}
