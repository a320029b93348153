// 总览 (/kanban): counts and lights at a glance, each figure a link to the ledger filtered to it; one
// ECharts chart (web/static/overview-chart.js) drawn from the page's JSON. An enterprise contact gets
// the simpler page: their own projects with their light and stage.
import { isEnterpriseOnly } from '../../domain/access/project-access.js';
import { stageNames } from '../../domain/project/project-stage.js';
import { serviceNames } from '../../domain/project/service-state.js';
import { html, type SafeHtml } from '../html.js';
import type { Page, PageContext, PageResult } from '../page.js';
import { pageData } from '../page-data.js';
import { lightNames, renderLedgerTable } from './render-ledger-table.js';
import { listLedgerProjects } from '../../use-cases/list-ledger-projects.js';
import { loadOverview } from './load-overview.js';

const card = (href: string, count: number | string, label: string, extra = ''): SafeHtml =>
  html`<a class="card ${extra}" href="${href}"
    ><div class="n">${count}</div>
    <div class="l">${label}</div></a
  >`;

const ledger = (query: Record<string, string>) => (Object.keys(query).length ? `/kanban/ledger?${new URLSearchParams(query).toString()}` : '/kanban/ledger');

export const overviewPage: Page = async (ctx) => {
  if (isEnterpriseOnly(ctx.viewer)) return enterpriseOverview(ctx);
  const o = await loadOverview(ctx);
  const wan = (value: number) => `${Math.round(value).toLocaleString('zh-CN')} 万元`;
  const body = html` <h2>红黄绿灯</h2>
    <div class="cards">
      ${(['red', 'yellow', 'green'] as const).map((light) => card(ledger({ light }), o.lights[light], `${lightNames[light]}项目`, `light-${light}`))}
      ${card('/kanban/ledger', o.total, '项目总数')}
    </div>
    <div id="overview-chart" class="chart" role="img" aria-label="项目阶段和红黄绿灯图"></div>
    <h2>本月</h2>
    <div class="cards">
      ${card(ledger({ signedFrom: o.month.from, signedTo: o.month.to }), o.month.signed, '本月签约')}
      ${card(ledger({ startedFrom: o.month.from, startedTo: o.month.to }), o.month.started, '本月开工')}
      ${card(ledger({}), wan(o.investment.plannedWan), '计划投资（在办）')} ${card(ledger({}), wan(o.investment.doneWan), '已完成投资（月报）')}
    </div>
    <h2>项目阶段</h2>
    <div class="cards">${Object.entries(stageNames).map(([stage, name]) => card(ledger({ stage }), o.byStage[stage] ?? 0, name))}</div>
    <h2>帮办代办</h2>
    <div class="cards">${Object.entries(serviceNames).map(([service, name]) => card(ledger({ service }), o.byService[service] ?? 0, name))}</div>
    <h2>未销号问题</h2>
    <div class="cards">
      ${card('/kanban/problems', o.problems.week, '7 天内')} ${card('/kanban/problems', o.problems.month, '8–30 天')}
      ${card('/kanban/problems', o.problems.older, '超过 30 天')}
    </div>
    ${pageData({
      stages: Object.entries(stageNames).map(([stage, name]) => ({ name, value: o.byStage[stage] ?? 0 })),
      lights: (['red', 'yellow', 'green'] as const).map((light) => ({ name: lightNames[light], value: o.lights[light] })),
    })}`;
  return { ok: true, title: '总览', body, scripts: ['echarts.min.js', 'overview-chart.js'] };
};

async function enterpriseOverview(ctx: PageContext): Promise<PageResult> {
  const listing = await listLedgerProjects(ctx.db, {
    viewer: ctx.viewer,
    now: ctx.now,
    policy: ctx.policy,
    filters: {},
    sort: 'id',
    descending: false,
    page: 1,
  });
  const body = listing.rows.length
    ? renderLedgerTable(listing.rows, { simple: true })
    : html`<p class="notice">你还没有绑定项目。请向专窗索取绑定码后，在对话中发送「绑定 绑定码」。</p>`;
  return { ok: true, title: '我的项目', body };
}
