// 档案: the project's whole timeline (一事一档, 002 五(十), use-cases/load-archive-timeline.ts). Long
// archives come in pages of PAGE_SIZE lines, oldest first, so a page keeps its lines while the project
// goes on; each page says how to open the next (`档案 P12 第2页`).
import type { RegisteredContext } from '../context.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { loadArchiveTimeline } from '../../use-cases/load-archive-timeline.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';

/** Lines per page: a page is split into several messages by the outbox anyway (bot/outbox/split-by-bytes.ts). */
const PAGE_SIZE = 100;

export async function showArchive(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '档案 P12'));
  const { project } = lookup;
  const page = parsePage(line.args.slice(1).join(''));
  if (page === undefined) return ctx.reply(`请写页码，例如「档案 P${project.id} 第2页」。`);

  const entries = await loadArchiveTimeline(ctx.tx, project, ctx.platforms);
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
