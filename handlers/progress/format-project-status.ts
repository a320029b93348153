// The status card of one project (进度, README "Commands"): service and stage, phase, contact (masked unless the viewer
// is the window or on the team), next deadline, and each task's state, age and light; for the enterprise,
// under each open item who handles it and the materials still owed (docs/domain.md "The enterprise's view").
import type { Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { isEnterpriseOnly, seesFullMobile, type ProjectAudience } from '../../domain/access/project-access.js';
import type { WorkingCalendar } from '../../domain/calendar/create-working-calendar.js';
import { formatDuration } from '../../domain/calendar/format-duration.js';
import { formatShanghai, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { isPhase, phaseNames } from '../../domain/catalogue/approval-phases.js';
import { formatInvestment } from '../../domain/commands/parse-investment.js';
import { maskMobile } from '../../domain/mask-mobile.js';
import { describeLifeCycle } from '../../domain/project/describe-life-cycle.js';
import { projectFollowed } from '../../domain/project/project-stage.js';
import { serviceRunning } from '../../domain/project/service-state.js';
import { lightSymbols } from '../../domain/project/traffic-light.js';
import { loadProjectAudience } from '../../use-cases/load-project-audience.js';
import { describeOpenItems } from './describe-open-items.js';
import { loadProjectStatus } from '../../use-cases/load-project-status.js';

export async function formatProjectStatus(ctx: RegisteredContext, project: Project, calendar: WorkingCalendar, known?: ProjectAudience): Promise<string> {
  const audience = known ?? (await loadProjectAudience(ctx.tx, project));
  const status = await loadProjectStatus(ctx.tx, project, { now: ctx.now, policy: ctx.policy, calendar });
  const ended = !projectFollowed(project);
  const phase = serviceRunning(project.service) && project.phase !== null && isPhase(project.phase) ? ` · ${phaseNames[project.phase]}` : '';
  const lines = [`${ended ? '' : `${lightSymbols[status.light]} `}P${project.id} ${project.name}`];
  const stageOn = [project.enrolledOn, project.producedOn, project.startedOn].find(Boolean);
  lines.push(
    describeLifeCycle(project, `${phase}${project.endReason ? `（${project.endReason}）` : ''}`, stageOn ? ` ${stageOn.toISOString().slice(0, 10)}` : ''),
  );
  lines.push(`投资：${formatInvestment(Number(project.investmentWan))}${project.enterprise ? ` · ${project.enterprise}` : ''}`);
  if (!isEnterpriseOnly(ctx.sender) && project.contactName) {
    const mobile = project.contactMobile ? ` ${seesFullMobile(ctx.sender, audience) ? project.contactMobile : maskMobile(project.contactMobile)}` : '';
    lines.push(`企业联系人：${project.contactName}${mobile}`);
  }
  if (!ended && status.next) lines.push(`下一期限：${status.next}`);
  // The start deadline stays in sight until 开工, even when an item's deadline comes first.
  if (!ended && status.start && status.next !== `开工 ${status.start}`) lines.push(`开工期限：${status.start}`);
  if (status.tasks.length === 0) lines.push('任务：尚未派单');
  else lines.push('任务：');
  const details = isEnterpriseOnly(ctx.sender)
    ? await describeOpenItems(
        ctx.tx,
        project.id,
        status.tasks.map(({ task }) => task),
        ctx.policy.enterpriseSeesAgentMobile,
      )
    : new Map<number, string[]>();
  for (const { task, light } of status.tasks) {
    lines.push(
      `${light ? lightSymbols[light] : (stateMarks[task.state] ?? '·')} T${task.id} ${task.itemName} · ${task.unit.name} · ${describeState(task, ctx.now, calendar)}`,
      ...(details.get(task.id) ?? []),
    );
  }
  return lines.join('\n');
}

const stateMarks: Record<string, string> = { done: '✅', returned: '↩️', cancelled: '✖️' };

function describeState(
  task: { state: string; postedAt: Date; takenAt: Date | null; doneAt: Date | null; dueOn: Date | null; ackDueAt: Date; returnReason: string | null },
  now: Date,
  calendar: WorkingCalendar,
): string {
  const day = task.dueOn?.toISOString().slice(0, 10);
  const dueOn = day && markProvisional(calendar, day, task.takenAt ? shanghaiDate(task.takenAt) : day);
  switch (task.state) {
    case 'posted':
      return `待报到，已派单 ${formatDuration(now.getTime() - task.postedAt.getTime())}（${markProvisional(calendar, shanghaiDate(task.ackDueAt), undefined, formatShanghai(task.ackDueAt))} 前报到）`;
    case 'taken':
      return `办理中 ${formatDuration(now.getTime() - (task.takenAt ?? task.postedAt).getTime())}${dueOn ? `，${dueOn} 前办结` : ''}`;
    case 'suspended':
      return '已中止计时';
    case 'done':
      return `已办结 ${task.doneAt ? formatShanghai(task.doneAt, 'date') : ''}`.trim();
    case 'returned':
      return `已退回：${task.returnReason ?? ''}`;
    default:
      return '已撤销';
  }
}
