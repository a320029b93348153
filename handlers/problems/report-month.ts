// 月报 P12 <本月完成投资> <进展>: each team's month, asked for on the 20th, for the 22nd's ranking
// (003 一(三)5(2): 每月 22 日前…将承担的重点项目当月推进情况反馈至县重点项目办). A second 月报 in
// the same month replaces the first.
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { formatInvestment, parseInvestment, toHalfWidth } from '../../domain/commands/parse-investment.js';
import { canReportProblem } from '../../domain/problems/problem-rules.js';
import type { RegisteredContext } from '../context.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';

const usage = '月报 P12 1200万 主体厂房封顶';

export async function reportMonth(ctx: RegisteredContext): Promise<void> {
  const [ref, amount, ...words] = ctx.args.trim().split(/\s+/);
  const lookup = await loadProject(ctx, ref || undefined);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, usage));
  const { project, audience } = lookup;
  if (!canReportProblem(ctx.sender, audience, { unitId: project.leadUnitId, leaderId: project.leaderId }))
    return ctx.reply(`你不在 P${project.id} 的项目团队中，不能报月报。`);
  const zero = /^0+(\.0+)?(万|亿)?元?$/.test(toHalfWidth(amount ?? ''));
  const investment = zero ? { ok: true as const, wan: 0 } : parseInvestment(amount ?? '');
  const progress = words.join(' ').trim();
  if (!investment.ok || !progress) return ctx.reply(`请写明本月完成投资和进展，例如「${usage}」。`);
  const month = shanghaiDate(ctx.now).slice(0, 7);
  const data = { investmentWan: investment.wan, progress, personId: ctx.sender.id, at: ctx.now };
  await ctx.tx.monthlyReport.upsert({
    where: { projectId_month: { projectId: project.id, month } },
    create: { projectId: project.id, month, ...data },
    update: data,
  });
  await ctx.record({ kind: 'project.month_reported', projectId: project.id, after: { month, investmentWan: investment.wan, progress } });
  await ctx.reply(`已收到 P${project.id} ${month} 月报：完成投资 ${formatInvestment(investment.wan)}，${progress}。`);
}
