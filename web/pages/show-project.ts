// 项目 (/kanban/projects/P12): one project — its fields, stage dates with 开工期限 (（暂定） where the
// calendar is not yet published), every item with its unit, agent, deadline and light, its problems,
// and the 一事一档 timeline (002 五(十)). Who may open it is exactly who may ask 进度 P12
// (canReadProject); mobiles are masked as in the chat (seesFullMobile). An enterprise contact gets the
// simpler page 进度 gives it: no contact details, no problems, no 档案 (an officials' command).
import { canReadProject, isEnterpriseOnly, seesFullMobile } from '../../domain/access/project-access.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { formatInvestment } from '../../domain/commands/parse-investment.js';
import { maskMobile } from '../../domain/mask-mobile.js';
import { describeLifeCycle } from '../../domain/project/describe-life-cycle.js';
import { projectFollowed } from '../../domain/project/project-stage.js';
import { problemStateNames, type ProblemState } from '../../domain/problems/problem-rules.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { loadProjectSheet, type ProjectSheet } from '../../use-cases/load-project-sheet.js';
import { html, type SafeHtml } from '../html.js';
import type { Page } from '../page.js';
import { showLight } from './show-light.js';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export const showProject: Page = async (ctx) => {
  const id = parseNumberRef(ctx.params.code ?? '', 'P');
  const sheet = id === undefined ? null : await loadProjectSheet(ctx.db, id, ctx.now, ctx.policy, ctx.platforms);
  if (!sheet) return { ok: false, status: 404, message: '没有这个项目，请检查编号。' };
  if (!canReadProject(ctx.viewer, sheet.audience)) return { ok: false, status: 403, message: '这个项目与你的单位无关，你不能查看。' };
  const { project, status } = sheet;
  const enterprise = isEnterpriseOnly(ctx.viewer);
  return {
    ok: true,
    title: `P${project.id} ${project.name}`,
    body: html`<p>
        ${projectFollowed(project) ? showLight(status.light) : ''} ${describeLifeCycle(project)}${project.endReason ? `（${project.endReason}）` : ''}
      </p>
      ${fields(sheet, enterprise ? 'none' : seesFullMobile(ctx.viewer, sheet.audience) ? 'full' : 'masked')} ${stageDates(sheet)} ${items(sheet, ctx.now)}
      ${enterprise ? '' : problems(sheet)} ${enterprise ? '' : timeline(sheet)}`,
  };
};

function fields({ project, leadUnit, leader }: ProjectSheet, mobile: 'full' | 'masked' | 'none'): SafeHtml {
  const contact =
    mobile === 'none' || !project.contactName
      ? null
      : `${project.contactName}${project.contactMobile ? ` ${mobile === 'full' ? project.contactMobile : maskMobile(project.contactMobile)}` : ''}`;
  const rows: [string, string | null][] = [
    ['投资', formatInvestment(Number(project.investmentWan))],
    ['行业', project.industry || null],
    ['实施企业', project.enterprise || null],
    ['企业联系人', contact],
    ['责任单位', leadUnit],
    ['包抓领导', leader || null],
    ['建设内容', project.content || null],
    ['目标任务', project.targetTasks || null],
    ['时间节点', project.timeNodes || null],
  ];
  return fieldList('基本信息', rows);
}

function stageDates({ project, status }: ProjectSheet): SafeHtml {
  const rows: [string, string | null][] = [
    ['签约', day(project.signedOn)],
    ['土地摘牌', day(project.landListedOn)],
    ['预计开工', day(project.expectedStartOn)],
    // The start deadline stays in sight until 开工 (003 一(二)4(3)), as in 进度.
    ['开工期限', projectFollowed(project) ? status.start : null],
    ['开工', day(project.startedOn)],
    ['投产', day(project.producedOn)],
    ['入库', day(project.enrolledOn)],
    ['下一期限', projectFollowed(project) ? status.next : null],
  ];
  return fieldList('阶段日期', rows);
}

function items(sheet: ProjectSheet, now: Date): SafeHtml {
  const { status, takers, calendar } = sheet;
  if (status.tasks.length === 0)
    return html`<section>
      <h2>任务</h2>
      <p>尚未派单</p>
    </section>`;
  const deadline = (task: ProjectSheet['status']['tasks'][number]['task']): string => {
    if (task.state === 'posted') return `${markProvisional(calendar, shanghaiDate(task.ackDueAt), undefined, formatShanghai(task.ackDueAt))} 前报到`;
    const due = day(task.dueOn);
    return due ? `${markProvisional(calendar, due, task.takenAt ? shanghaiDate(task.takenAt) : due)} 前办结` : '';
  };
  const rows = status.tasks.map(
    ({ task, light }) =>
      html`<tr>
        <td>${showLight(light)}</td>
        <td>T${task.id}</td>
        <td>${task.itemName}</td>
        <td>${task.unit.name}</td>
        <td>${takers.get(task.callId) ?? '待报到'}</td>
        <td>${deadline(task)}</td>
        <td>${describeState(task, now)}</td>
      </tr>`,
  );
  return html`<section>
    <h2>任务（${status.tasks.length}）</h2>
    <div class="table-box">
      <table>
        <thead>
          <tr>
            <th></th>
            <th>编号</th>
            <th>事项</th>
            <th>单位</th>
            <th>经办</th>
            <th>期限</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}

const stateNames: Record<string, string> = { posted: '待报到', taken: '办理中', suspended: '已中止计时', returned: '已退回', cancelled: '已撤销' };

function describeState(task: { state: string; doneAt: Date | null; returnReason: string | null }, now: Date): string {
  if (task.state === 'done')
    return `已办结${task.doneAt ? ` ${formatShanghai(task.doneAt, task.doneAt.getUTCFullYear() === now.getUTCFullYear() ? 'minute' : 'datetime')}` : ''}`;
  if (task.state === 'returned' && task.returnReason) return `已退回：${task.returnReason}`;
  return stateNames[task.state] ?? task.state;
}

function problems({ problems }: ProjectSheet): SafeHtml {
  if (problems.length === 0)
    return html`<section>
      <h2>问题</h2>
      <p>没有报送过问题。</p>
    </section>`;
  return html`<section>
    <h2>问题（${problems.length}）</h2>
    <ul class="problems">
      ${problems.map(
        (problem) =>
          html`<li>
            <b>Q${problem.id}</b> ${problem.description}${problem.suggestion ? `（建议：${problem.suggestion}）` : ''} ·
            <span class="state">${problemStateNames[problem.state as ProblemState] ?? problem.state}</span
            >${problem.leaderOpinion ? html`<br />领导意见：${problem.leaderOpinion}` : ''}${problem.answers.map((answer) => html`<br />答复 ${formatShanghai(answer.at)}：${answer.text}`)}
          </li>`,
      )}
    </ul>
  </section>`;
}

function timeline({ timeline }: ProjectSheet): SafeHtml {
  // A timeline spanning two years dates each line with its year, as 档案 does.
  const years = new Set(timeline.map((entry) => formatShanghai(entry.at, 'date').slice(0, 4)));
  const style = years.size > 1 ? 'datetime' : 'minute';
  return html`<section>
    <h2>一事一档（${timeline.length} 条）</h2>
    <ol class="timeline">
      ${timeline.map((entry) => html`<li><time>${formatShanghai(entry.at, style)}</time> ${entry.text()}</li>`)}
    </ol>
  </section>`;
}

/** A titled list of label–value rows, leaving out the rows without a value. */
function fieldList(title: string, rows: readonly [string, string | null][]): SafeHtml {
  return html`<section>
    <h2>${title}</h2>
    <dl class="fields">
      ${rows
        .filter(([, value]) => value)
        .map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
    </dl>
  </section>`;
}
