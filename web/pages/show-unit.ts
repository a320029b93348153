// 单位 (/kanban/units/3): one unit — how it answered the window (报到 office minutes, median and P90,
// 002 五(五)), cards never taken, items on time, late and overdue now, this month's ranking with what its
// place was made of, and its place over the last months as a chart (web/static/unit-chart.js).
import { describeScore } from '../../domain/schedule/digests/build-ranking.js';
import { loadUnitService, SERVICE_DAYS } from '../../use-cases/load-unit-service.js';
import { readableUnits } from '../../use-cases/readable-units.js';
import { html } from '../html.js';
import type { Page } from '../page.js';
import { pageData } from './page-data.js';
import { placeIn, rankedAsOf, serviceCells, serviceHeaders } from './describe-unit-service.js';

export const showUnit: Page = async (ctx) => {
  const unitId = /^\d{1,9}$/.test(ctx.params.unitId ?? '') ? Number(ctx.params.unitId) : undefined;
  const unit = unitId === undefined ? null : await ctx.db.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true } });
  if (!unit) return { ok: false, status: 404, message: '没有这个单位。' };
  const readable = readableUnits(ctx.viewer);
  if (!readable.all && !readable.unitIds.includes(unit.id)) return { ok: false, status: 403, message: '你只能查看本单位。' };
  const { units, months } = await loadUnitService(ctx.db, ctx.viewer, ctx.now, ctx.policy, unit.id);
  const service = units[0]!.service;
  const month = months[months.length - 1]!;
  const score = month.ranked.find((entry) => entry.unitId === unit.id);
  const chart = {
    unit: unit.name,
    ranked: Math.max(...months.map((entry) => entry.ranked.length)),
    months: months.map((entry) => entry.month),
    places: months.map((entry) => entry.ranked.find((other) => other.unitId === unit.id)?.place ?? null),
    service: months.map((entry) => entry.ranked.find((other) => other.unitId === unit.id)?.service ?? null),
  };
  return {
    ok: true,
    title: unit.name,
    scripts: ['echarts.min.js', 'unit-chart.js'],
    body: html` <section>
        <h2>近 ${SERVICE_DAYS} 天办事</h2>
        <dl class="fields">
          ${serviceHeaders.map(
            (header, index) =>
              html`<dt>${header}</dt>
                <dd>${serviceCells(service)[index]}</dd>`,
          )}
        </dl>
        <p>报到用时按办公时间计，自派单到报到。</p>
      </section>
      <section>
        <h2>${month.month} 排名${month.final ? '' : `（${rankedAsOf(month)}）`}</h2>
        <p>名次：${placeIn(month, unit.id)}${month.bottomTwice.includes(unit.id) ? ' · 连续两次排名后三名' : ''}</p>
        ${score ? html`<p>${describeScore(score)}</p>` : ''}
      </section>
      <section>
        <h2>近 ${months.length} 个月名次</h2>
        <div id="unit-chart" class="chart"></div>
        <div class="table-box">
          <table>
            <thead>
              <tr>
                <th>月份</th>
                <th>名次</th>
                <th>办事</th>
              </tr>
            </thead>
            <tbody>
              ${months.map(
                (entry, index) =>
                  html`<tr>
                    <td><a href="/kanban/ranking?month=${entry.month}">${entry.month}</a></td>
                    <td>${placeIn(entry, unit.id)}</td>
                    <td>${chart.service[index] ?? '—'}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      ${pageData(chart)}`,
  };
};
