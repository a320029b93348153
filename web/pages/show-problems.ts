// 问题 (/kanban/problems?week=2026-W48): the week's chain (003 一(三)5(1)) — asked on Tuesday, sorted and
// sent to the leaders on Wednesday, what a leader cannot solve signed onto Friday's 周例会 — with each
// problem's state, for the projects the viewer may read (use-cases/load-problem-week.ts): the chain
// counted for the whole week, the problems 50 a page (render-pager.ts, as the 台账 pages), the first
// projects still silent named and the rest counted.
import { formatShanghai, shanghaiDate, shanghaiInstant, addCalendarDays } from '../../domain/calendar/shanghai-time.js';
import { problemStateNames, type ProblemState } from '../../domain/problems/problem-rules.js';
import { isoWeekKey, mondayOf } from '../../domain/schedule/iso-week.js';
import { loadProblemWeek, PROBLEM_PAGE_SIZE, type WeekProblem } from '../../use-cases/load-problem-week.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../page.js';
import { countPages, readPageNumber, renderPager } from './render-pager.js';

export const showProblems: Page = async (ctx) => {
  const week = ctx.query.get('week') ?? isoWeekKey(shanghaiDate(ctx.now));
  const monday = mondayOfWeek(week);
  if (!monday) return { ok: false, status: 404, message: '周请写成 2026-W48 的样子。' };
  const from = shanghaiInstant(monday);
  const to = shanghaiInstant(addCalendarDays(monday, 7));
  const page = readPageNumber(ctx.query);
  const { asked, silent, counts, problems } = await loadProblemWeek(ctx.db, ctx.viewer, { key: week, from, to, page });
  const inWeek = (at: Date | null) => at !== null && at >= from && at < to;
  const link = (projectId: number, name: string) => html`<a href="/kanban/projects/P${projectId}">P${projectId} ${name}</a>`;
  const byState = (Object.keys(problemStateNames) as ProblemState[]).map(
    (state, index) => html`${index > 0 ? ' · ' : ''}${problemStateNames[state]} ${counts.byState[state] ?? 0}`,
  );
  const pages = countPages(counts.total, PROBLEM_PAGE_SIZE);
  return {
    ok: true,
    title: `问题 ${week}`,
    body: html`<p>${monday} 至 ${addCalendarDays(monday, 6)} · <a href="/kanban/problems?week=${isoWeekKey(addCalendarDays(monday, -7))}">上一周</a></p>
      <ol class="chain">
        <li>
          <b>周二 征集</b>：${asked.total} 个项目，报问题 ${asked.problems} · 无问题 ${asked.none} · 未报
          ${asked.silent}${
            silent.length > 0
              ? html`<br />未报：${silent.map((project, index) => html`${index > 0 ? '、' : ''}${link(project.id, project.name)}`)}${
                    asked.silent > silent.length ? html`……等 ${asked.silent} 个` : ''
                  }`
              : ''
          }
        </li>
        <li><b>周三 提交县领导</b>：${counts.carried} 个问题</li>
        <li><b>周五 提交例会</b>：${counts.escalated} 个问题</li>
        <li><b>本周销号</b>：${counts.closed} 个问题</li>
      </ol>
      ${
        counts.total === 0
          ? html`<p>本周没有在办的问题。</p>`
          : html`<p class="result-count">本周 ${counts.total} 个问题：${byState}</p>
              ${table(problems, inWeek, link)}${renderPager(page, pages, (other) => `/kanban/problems?week=${week}&page=${other}`)}`
      }`,
  };
};

function table(problems: WeekProblem[], inWeek: (at: Date | null) => boolean, link: (id: number, name: string) => SafeHtml): SafeHtml {
  const when = (at: Date | null, waiting: string) => (at ? `${formatShanghai(at, 'datetime')}${inWeek(at) ? '' : '（往周）'}` : waiting);
  return html`<div class="table-box">
    <table>
      <thead>
        <tr>
          <th>问题</th>
          <th>项目</th>
          <th>类别</th>
          <th>报送</th>
          <th>周三提交领导</th>
          <th>周五例会</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        ${problems.map(
          (problem) =>
            html`<tr>
              <td>Q${problem.id} ${problem.description}${problem.suggestion ? `（建议：${problem.suggestion}）` : ''}</td>
              <td>${link(problem.projectId, problem.projectName)}</td>
              <td>${problem.category}</td>
              <td>${formatShanghai(problem.createdAt, 'datetime')}</td>
              <td>${when(problem.digestedAt, '待周三汇总')}${problem.leader ? ` · ${problem.leader}` : ''}</td>
              <td>
                ${problem.escalatedAt ? html`${when(problem.escalatedAt, '')}${problem.leaderOpinion ? html`<br />意见：${problem.leaderOpinion}` : ''}` : '—'}
              </td>
              <td>${problemStateNames[problem.state as ProblemState] ?? problem.state}${problem.answers > 0 ? `（答复 ${problem.answers} 次）` : ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The Monday of ISO week `2026-W48` (the week holding the year's 4 January is week 1); null for anything else. */
function mondayOfWeek(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const monday = addCalendarDays(mondayOf(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
  return isoWeekKey(monday) === week ? monday : null;
}
