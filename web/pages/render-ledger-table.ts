// The ledger's rows as a table that scrolls inside its own box (a phone shows 390 px of it). Each
// project links to its page (/kanban/projects/P12). No mobiles here: a list shows none (docs/domain.md).
import { stageNames, type Stage } from '../../domain/project/project-stage.js';
import { serviceNames, type ServiceState } from '../../domain/project/service-state.js';
import type { Light } from '../../domain/project/traffic-light.js';
import type { LedgerRow } from '../../use-cases/list-ledger-projects.js';
import { html, type SafeHtml } from '../html.js';

export const lightNames: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };

const date = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : '');

export function renderLedgerTable(rows: readonly LedgerRow[], options: { simple?: boolean } = {}): SafeHtml {
  const full = !options.simple;
  return html`<div class="table-box">
    <table class="ledger">
      <thead>
        <tr>
          <th>编号</th>
          <th>项目名称</th>
          <th>灯</th>
          <th>阶段</th>
          <th>帮办代办</th>
          ${
            full
              ? html`<th class="num">投资（万元）</th>
                  <th>责任单位</th>
                  <th>包抓领导</th>
                  <th>行业</th>`
              : ''
          }
          <th>签约</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <td><a href="/kanban/projects/P${row.id}">P${row.id}</a></td>
              <td>${row.name}</td>
              <td><span class="dot ${row.light}"></span>${lightNames[row.light]}</td>
              <td>${stageNames[row.stage as Stage] ?? row.stage}</td>
              <td>${serviceNames[row.service as ServiceState] ?? row.service}</td>
              ${
                full
                  ? html`<td class="num">${Number(row.investmentWan).toLocaleString('zh-CN')}</td>
                      <td>${row.leadUnitName ?? ''}</td>
                      <td>${row.leaderPersonName ?? row.leaderName}</td>
                      <td>${row.industry}</td>`
                  : ''
              }
              <td>${date(row.signedOn)}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </div>`;
}
