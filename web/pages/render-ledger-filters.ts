// The ledger's filters: a plain GET form (no script), so a filtered ledger is a link 总览 can point at.
import type { LedgerFilters, LedgerSort } from '../../use-cases/list-ledger-projects.js';
import { html, type SafeHtml } from '../html.js';

interface Options {
  filters: LedgerFilters;
  units: readonly { id: number; name: string }[];
  leaders: readonly { id: number; name: string }[];
  industries: readonly string[];
  stageNames: Record<string, string>;
  serviceNames: Record<string, string>;
  lightNames: Record<string, string>;
  sort: LedgerSort;
  descending: boolean;
}

function select(name: string, label: string, options: readonly [string, string][], chosen: string | number | undefined): SafeHtml {
  return html`<label
    >${label}<select name="${name}">
      <option value="">全部</option>
      ${options.map(([value, text]) => html`<option value="${value}" ${String(chosen ?? '') === value ? html` selected` : ''}>${text}</option>`)}
    </select></label
  >`;
}

export function renderLedgerFilters(o: Options): SafeHtml {
  const f = o.filters;
  return html`<form class="filters" method="get" action="/kanban/ledger">
    <label>项目名称<input type="search" name="q" value="${f.search ?? ''}" placeholder="名称中的字" /></label>
    ${select('stage', '阶段', Object.entries(o.stageNames), f.stage)} ${select('service', '帮办代办', Object.entries(o.serviceNames), f.service)}
    ${select('light', '灯', Object.entries(o.lightNames), f.light)}
    ${select(
      'unit',
      '责任单位',
      o.units.map((unit) => [String(unit.id), unit.name]),
      f.unitId,
    )}
    ${select(
      'leader',
      '包抓领导',
      o.leaders.map((leader) => [String(leader.id), leader.name]),
      f.leaderId,
    )}
    ${select(
      'industry',
      '行业',
      o.industries.map((industry) => [industry, industry]),
      f.industry,
    )}
    <label>签约起<input type="date" name="signedFrom" value="${f.signedFrom ?? ''}" /></label>
    <label>签约止<input type="date" name="signedTo" value="${f.signedTo ?? ''}" /></label>
    ${f.startedFrom ? html`<input type="hidden" name="startedFrom" value="${f.startedFrom}" />` : ''}
    ${f.startedTo ? html`<input type="hidden" name="startedTo" value="${f.startedTo}" />` : ''}
    <input type="hidden" name="sort" value="${o.sort}" /><input type="hidden" name="dir" value="${o.descending ? 'desc' : 'asc'}" />
    <div class="actions"><button type="submit">筛选</button><a class="button plain" href="/kanban/ledger">清空</a></div>
  </form>`;
}
