// 绑定码 P3: a coordinator (the window, 重点项目办) issues the project's enterprise contact a new 绑定码
// when the old one expired, was lost or was used by the wrong person; the old one is void at once
// (docs/domain.md "The enterprise's view"). The code itself stays out of the Event log: 档案 has many readers.
import type { RegisteredContext } from '../context.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { reissueBindCode as issue } from '../../use-cases/issue-bind-code.js';

export async function reissueBindCode(ctx: RegisteredContext): Promise<void> {
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '绑定码 P12'));
  const { project } = lookup;
  const code = await issue(ctx, project.id);
  await ctx.reply(describeNewBindCode(ctx, project, code, '此前的绑定码已作废。'));
}

/** The line that hands a new code over, here and when 修改项目 changes the 联系人. */
export function describeNewBindCode(ctx: RegisteredContext, project: { id: number; contactName: string }, code: string, note = ''): string {
  const who = project.contactName || '企业联络员';
  return `P${project.id} 企业联络员绑定码：${code}（${ctx.policy.bindCodeValidDays} 天内有效，只能用一次）。${note}请转告${who}：向项目管家发送「绑定 ${code}」。`;
}
