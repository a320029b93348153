// 台账 (/kanban/ledger): the ledger a person may read, filtered (stage, service, light, 责任单位, 包抓领导,
// industry, signed or started between, a project), searched by name, sorted and paged; readers of the
// whole ledger also download the workbook `台账` sends (use-cases/build-ledger-file.ts).
// A project named that the viewer may not read is a 403, not an empty list (issue 19 "Safe pages").
import { canReadLedger } from '../../use-cases/ledger-readers.js';
import { LEDGER_PAGE_SIZE, ledgerSorts, listLedgerProjects, type LedgerSort } from '../../use-cases/list-ledger-projects.js';
import { readableProjectsFilter } from '../../use-cases/readable-projects-filter.js';
import { stageNames } from '../../domain/project/project-stage.js';
import { serviceNames } from '../../domain/project/service-state.js';
import { html } from '../html.js';
import type { Page } from '../page.js';
import { readLedgerQuery } from './read-ledger-query.js';
import { lightNames, renderLedgerTable } from './render-ledger-table.js';
import { renderLedgerFilters } from './render-ledger-filters.js';
import { countPages, renderPager } from './render-pager.js';

export const ledgerPage: Page = async (ctx) => {
  const { filters, sort, descending, page } = readLedgerQuery(ctx.query);
  if (filters.project !== undefined) {
    const readable = await ctx.db.$queryRaw<
      { id: number }[]
    >`SELECT p.id FROM "Project" AS p WHERE p.id = ${filters.project} AND ${readableProjectsFilter(ctx.viewer)}`;
    const exists = await ctx.db.project.count({ where: { id: filters.project } });
    if (exists && readable.length === 0)
      return { ok: false, status: 403, message: `P${filters.project} 与你无关，你不能查看。请在对话中发送「进度」查看你的项目。` };
  }
  const listing = await listLedgerProjects(ctx.db, { viewer: ctx.viewer, now: ctx.now, policy: ctx.policy, filters, sort, descending, page });
  const units = await ctx.db.unit.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } });
  const leaders = await ctx.db.$queryRaw<{ id: number; name: string }[]>`
    SELECT DISTINCT l.id, l.name FROM "Project" AS p JOIN "Person" AS l ON l.id = p."leaderId" ORDER BY l.id`;
  const industries = (await ctx.db.project.findMany({ select: { industry: true }, distinct: ['industry'], where: { industry: { not: '' } } })).map(
    (row) => row.industry,
  );
  const pages = countPages(listing.total, LEDGER_PAGE_SIZE);
  const link = (changes: Record<string, string>) => {
    const query = new URLSearchParams(ctx.query);
    for (const [key, value] of Object.entries(changes)) query.set(key, value);
    return `/kanban/ledger?${query.toString()}`;
  };
  const sortLinks = (Object.keys(ledgerSorts) as LedgerSort[]).map(
    (key) =>
      html` <a href="${link({ sort: key, dir: sort === key && !descending ? 'desc' : 'asc', page: '1' })}"
        >${sortNames[key]}${sort === key ? (descending ? '↓' : '↑') : ''}</a
      >`,
  );
  const download = canReadLedger(ctx.viewer) ? html`<a class="button plain" href="/kanban/ledger.xlsx">下载台账（Excel）</a>` : '';
  const body = html` ${renderLedgerFilters({ filters, units, leaders, industries, stageNames, serviceNames, lightNames, sort, descending })}
    <div class="pager"><span class="result-count">共 ${listing.total} 个项目</span><span class="muted">排序：${sortLinks}</span>${download}</div>
    ${listing.rows.length ? renderLedgerTable(listing.rows) : html`<p class="notice">没有符合条件的项目。</p>`}
    ${renderPager(page, pages, (to) => link({ page: String(to) }))}`;
  return { ok: true, title: '台账', body };
};

const sortNames: Record<LedgerSort, string> = { id: '编号', name: '名称', investment: '投资', signed: '签约' };
