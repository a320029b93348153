// 申请绿卡 P12: a project applies for 绵阳's 服务绿卡 (000 第二条), or for its renewal within 60 days
// before the card ends (000 第四条(五)). The county checks it first and 招商服务中心 (市经济合作局)
// reviews and issues it (000 第四条(一)(二)): they are told to 发放绿卡 after review.
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { formatInvestment } from '../../domain/commands/parse-investment.js';
import { decideGreenCardApplication } from '../../domain/green-card/decide-green-card-application.js';
import { findPeople } from '../../core/recipients/find-people.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { loadGreenCard } from './load-green-card.js';

export async function applyGreenCard(ctx: RegisteredContext): Promise<void> {
  const rules = ctx.policy.greenCard!;
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '申请绿卡 P12'));
  const { project } = lookup;
  const p = `P${project.id}`;
  const card = await loadGreenCard(ctx.tx, project.id);
  const investmentWan = Number(project.investmentWan);
  const decision = decideGreenCardApplication(card?.state ?? null, { industry: project.industry, investmentWan }, rules, shanghaiDate(ctx.now));
  if (!decision.ok) {
    switch (decision.code) {
      case 'ALREADY_APPLIED':
        return ctx.reply(`${p} 已申请服务绿卡，等待发放。发送「绿卡 ${p}」查看。`);
      case 'BARRED':
        return ctx.reply(`${p} 的服务绿卡已于 ${card!.state.revokedOn} 注销，${rules.reapplyBarYears} 年内不得再次申请，${decision.mayApplyOn} 起可以申请。`);
      case 'RENEWAL_NOT_YET':
        return ctx.reply(`${p} 的服务绿卡有效期至 ${decision.validUntil}，${decision.opensOn} 起可以申请续用。`);
      case 'INDUSTRY_NOT_COVERED':
        return ctx.reply(
          `${p} 的行业「${project.industry || '未填'}」不在服务绿卡发放范围（${decision.industries.join('、')}）。行业有误请发「修改项目 ${p} 行业：电子信息」。`,
        );
      case 'BELOW_THRESHOLD':
        return ctx.reply(
          `${p} 投资 ${formatInvestment(investmentWan)}，${decision.industry}项目的服务绿卡标准是 ${formatInvestment(decision.minWan)}起。投资有误请发「修改项目 ${p} 投资：${formatInvestment(decision.minWan)}」。`,
        );
    }
  }
  const { renewal } = decision;
  const fresh = { state: 'applied', appliedAt: ctx.now, renewalAppliedAt: null, issuedOn: null, validUntil: null, renewalRemindAt: null, remindedAt: null };
  await ctx.tx.greenCard.upsert({
    where: { projectId: project.id },
    create: { projectId: project.id, ...fresh },
    update: renewal ? { renewalAppliedAt: ctx.now } : { ...fresh, revokedOn: null, revokeReason: null },
  });
  await ctx.record({ kind: 'green_card.applied', projectId: project.id, after: { renewal } });
  const what = renewal ? '续用服务绿卡' : '服务绿卡';
  for (const person of await findPeople(ctx.tx, 'investment_center'))
    if (person.id !== ctx.sender.id) await ctx.send(person.id, `${p} ${project.name} 申请${what}，审核后请发送「发放绿卡 ${p}」。`);
  await ctx.reply(`已申请 ${p} ${project.name} ${what}，审核后由招商服务中心发放。`);
}
