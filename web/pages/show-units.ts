// 单位 (/kanban/units): every unit the viewer may read (use-cases/readable-units.ts), with how it
// answered the window over the last SERVICE_DAYS (报到 office minutes, 002 五(五)), its items on time,
// late and overdue, and its place in this month's ranking so far (003 一(三)5(2)).
import { loadUnitService, SERVICE_DAYS } from '../../use-cases/load-unit-service.js';
import { html } from '../html.js';
import type { Page } from '../page.js';
import { placeIn, rankedAsOf, serviceCells, serviceHeaders } from './describe-unit-service.js';

export const showUnits: Page = async (ctx) => {
  const { units, months } = await loadUnitService(ctx.db, ctx.viewer, ctx.now, ctx.policy);
  const month = months[months.length - 1]!;
  // Units that serve projects: with an agent on the roster, or ranked (holding items or leading projects).
  const serving = units.filter((unit) => month.ranked.some((score) => score.unitId === unit.id) || month.idle.includes(unit.id));
  if (serving.length === 0) return { ok: false, status: 403, message: '你没有可查看的单位。单位代办员和责任领导可查看本单位。' };
  return {
    ok: true,
    title: '单位',
    body: html`<p>
        近 ${SERVICE_DAYS} 天；报到用时按办公时间计（30 分钟内报到，002 五(五)）；名次为 ${month.month} 排名${month.final ? '' : `（${rankedAsOf(month)}）`}。
      </p>
      <div class="table-box">
        <table>
          <thead>
            <tr>
              <th>单位</th>
              ${serviceHeaders.map((header) => html`<th>${header}</th>`)}
              <th>名次</th>
            </tr>
          </thead>
          <tbody>
            ${serving.map(
              (unit) =>
                html`<tr>
                  <td><a href="/kanban/units/${unit.id}">${unit.name}</a></td>
                  ${serviceCells(unit.service).map((cell) => html`<td>${cell}</td>`)}
                  <td>${placeIn(month, unit.id)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  };
};
