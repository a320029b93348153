// 档案: the project's whole timeline from the append-only event log (一事一档, 002 五(十)): who did
// what, when, in which role and through which channel.
import type { RegisteredContext } from '../context.js';
import { describeEvent } from '../../domain/archive/describe-event.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { roleNames, type Role } from '../../domain/roles.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';

const channelNames: Record<string, string> = { wecom: '企业微信', dingtalk: '钉钉', local: '本地', system: '系统' };
const MAX_LINES = 100;

export async function showArchive(ctx: RegisteredContext): Promise<void> {
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '档案 P12'));
  const { project } = lookup;
  const events = await ctx.tx.event.findMany({ where: { projectId: project.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId === null ? [] : [event.actorId])))];
  const names = new Map(
    (await ctx.tx.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((person) => [person.id, person.name]),
  );

  const shown = events.slice(-MAX_LINES);
  const lines = [`P${project.id} ${project.name} 档案（${events.length} 条）`];
  if (events.length > shown.length) lines.push(`……较早的 ${events.length - shown.length} 条未列出`);
  for (const event of shown) {
    const who = event.actorId === null ? '系统' : (names.get(event.actorId) ?? `#${event.actorId}`);
    const role = roleNames[event.actorRole?.split(',')[0] as Role];
    const via = channelNames[event.channel] ?? event.channel;
    lines.push(`${formatShanghai(event.at)} ${who}（${role ? `${role}·` : ''}${via}）${describeEvent(event)}`);
  }
  await ctx.reply(lines.join('\n'));
}
