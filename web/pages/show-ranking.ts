// 排名 (/kanban/ranking?month=2026-11): the monthly unit ranking (003 一(三)5(2)) as the 22nd's digest
// computes it (use-cases/rank-months.ts), each unit with the parts its place was made of, units with
// nothing to rank apart, and the units in the bottom three twice running (003 二(四)). A running month shows its
// ranking so far as kept at most RUNNING_KEPT_MS, with the instant it was taken (docs/domain.md). Read by those who
// receive the digest and everyone who reads every project (readScope all).
import { readScope } from '../../domain/access/project-access.js';
import { RULE } from '../../domain/schedule/digests/build-ranking.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { previousMonth } from '../../domain/schedule/digests/build-monthly-lists.js';
import { currentMonth, rankMonths, RUNNING_KEPT_MS } from '../../use-cases/rank-months.js';
import { html } from '../html.js';
import type { Page } from '../page.js';

const headers = ['名次', '单位', '开工', '投产', '投资完成', '按时办结', '逾期在办', '未报到', '迟报到', '未报月报', '办事'];

export const showRanking: Page = async (ctx) => {
  if (!readScope(ctx.viewer).all) return { ok: false, status: 403, message: '排名只对专窗、重点项目办、督查中心和主要领导开放；本单位的名次请看「单位」页。' };
  const month = ctx.query.get('month') ?? currentMonth(ctx.now);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { ok: false, status: 404, message: '月份请写成 2026-11 的样子。' };
  if (month > currentMonth(ctx.now)) return { ok: false, status: 404, message: `${month} 还没有排名。` };
  const { months, unitNames } = await rankMonths(ctx.db, month, 1, ctx.now, ctx.policy);
  const ranked = months[0]!;
  const name = (unitId: number) => unitNames.get(unitId) ?? `#${unitId}`;
  const rows = ranked.ranked.map(
    (score) =>
      html`<tr${ranked.bottomTwice.includes(score.unitId) ? html` class="bottom-twice"` : ''}><td>${score.place}</td><td><a href="/kanban/units/${score.unitId}">${name(score.unitId)}</a></td><td>${score.starts}</td><td>${score.completions}</td><td>${score.investmentPct}%</td><td>${score.itemsOnTime}/${score.itemsDone}</td><td>${score.overdueOpen}${score.overdueOpen > 0 ? `（超 ${score.overdueDays} 个工作日）` : ''}</td><td>${score.untaken}</td><td>${score.takenLate}</td><td>${score.missedReports}</td><td>${score.service}</td></tr>`,
  );
  return {
    ok: true,
    title: `${month} 单位排名`,
    body: html`<p>
        ${ranked.final ? `按 ${formatShanghai(ranked.asOf, 'datetime')} 排名时的情况。` : `截至 ${formatShanghai(ranked.asOf, 'datetime')}（每 ${RUNNING_KEPT_MS / 60_000} 分钟更新），本月排名尚未进行。`}
      </p>
      <p>${RULE}</p>
      <p class="bottom-twice">
        ${ranked.bottomTwice.length > 0 ? `连续两次排名后三名：${ranked.bottomTwice.map(name).join('、')}` : '没有连续两次排名后三名的单位。'}
      </p>
      ${
        ranked.ranked.length === 0
          ? html`<p>本月没有可排名的单位。</p>`
          : html`<div class="table-box">
              <table>
                <thead>
                  <tr>
                    ${headers.map((header) => html`<th>${header}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>
            </div>`
      }
      ${ranked.idle.length > 0 ? html`<p>本月无考核内容（未排名）：${ranked.idle.map(name).join('、')}</p>` : ''}
      <p><a href="/kanban/ranking?month=${previousMonth(month)}">上月</a></p>`,
  };
};
