// 档案: the project's whole timeline (一事一档, 002 五(十)): every event of the append-only log, who
// did what, when, in which role and through which channel, and every notice delivered to the
// enterprise (送达). Long archives come in pages of PAGE_SIZE lines, oldest first, so a page keeps
// its lines while the project goes on; each page says how to open the next (`档案 P12 第2页`).
import type { Event } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { describeDelivery } from '../../domain/archive/describe-delivery.js';
import { describeEvent, escalationEventKinds } from '../../domain/archive/describe-event.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { roleNames, type Role } from '../../domain/roles.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { loadArchiveNames } from './load-archive-names.js';
import { loadDeliveries } from './load-deliveries.js';

/** The event log's channel is a platform, or `system` for what the bot did on its own. */
const SYSTEM_CHANNEL = 'system';
/** Lines per page: a page is split into several messages by the outbox anyway (bot/outbox/split-by-bytes.ts). */
const PAGE_SIZE = 100;

export async function showArchive(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '档案 P12'));
  const { project } = lookup;
  const page = parsePage(line.args.slice(1).join(''));
  if (page === undefined) return ctx.reply(`请写页码，例如「档案 P${project.id} 第2页」。`);

  const events = await ctx.tx.event.findMany({ where: { projectId: project.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const contactIds = new Set(events.flatMap((event) => (event.kind === 'project.contact_bound' ? [Number(factsOf(event).contactPersonId)] : [])));
  if (project.contactPersonId !== null) contactIds.add(project.contactPersonId);
  const deliveries = await loadDeliveries(ctx.tx, project.id, [...contactIds]);
  const names = await loadArchiveNames(ctx.tx, project.id, [
    ...events.flatMap((event) => (event.actorId === null ? [] : [event.actorId])),
    ...events.flatMap((event) => (escalationEventKinds.includes(event.kind) && Array.isArray(factsOf(event).told) ? (factsOf(event).told as number[]) : [])),
    ...contactIds,
  ]);

  const entries = [
    ...events.map((event) => ({
      at: event.at,
      text: () => {
        const who = event.actorId === null ? '系统' : names.person(event.actorId);
        const role = roleNames[event.actorRole?.split(',')[0] as Role];
        return `${who}（${role ? `${role}·` : ''}${event.channel === SYSTEM_CHANNEL ? '系统' : ctx.platforms.nameOf(event.channel)}）${describeEvent(event, names)}`;
      },
    })),
    ...deliveries.map((delivery) => ({
      at: delivery.at,
      text: () => {
        const via = delivery.platform === null ? '' : `·${ctx.platforms.nameOf(delivery.platform)}`;
        return `${names.person(delivery.personId)}（${roleNames.enterprise}${via}）${describeDelivery(delivery)}`;
      },
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime()); // stable: an event stays before the delivery it caused

  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const archive = `P${project.id} ${project.name} 档案`;
  if (page > pages)
    return ctx.reply(`${archive}共 ${entries.length} 条、${pages} 页，没有第 ${page} 页。最后一页：档案 P${project.id}${pages > 1 ? ` 第${pages}页` : ''}`);
  const lines = [`${archive}（${entries.length} 条${pages > 1 ? `，第 ${page}/${pages} 页` : ''}）`];
  // An archive spanning two years (2026–27) dates each line with its year, or 01-05 would read as last January.
  const years = new Set(entries.map((entry) => formatShanghai(entry.at, 'date').slice(0, 4)));
  const style = years.size > 1 ? 'datetime' : 'minute';
  for (const entry of entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)) lines.push(`${formatShanghai(entry.at, style)} ${entry.text()}`);
  if (page < pages) lines.push(`下一页：档案 P${project.id} 第${page + 1}页`);
  await ctx.reply(lines.join('\n'));
}

/** `` (page 1), `2`, `第2页`; undefined for anything else. */
function parsePage(text: string): number | undefined {
  if (text === '') return 1;
  const match = /^第?(\d{1,6})页?$/.exec(text.normalize('NFKC'));
  const page = match ? Number(match[1]) : 0;
  return page > 0 ? page : undefined;
}

function factsOf(event: Event): Record<string, unknown> {
  return typeof event.after === 'object' && event.after !== null ? (event.after as Record<string, unknown>) : {};
}
