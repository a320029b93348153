// 发放绿卡 P12: 招商服务中心 (市经济合作局) issues the 服务绿卡 applied for (000 第四条(二)), valid two
// years; a renewal continues from the old term's end (000 第四条(五)). The enterprise and the project's
// leader are told; the renewal reminder is set on the card (cron/remind-green-card-renewals.ts).
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { greenCardTerm } from '../../domain/green-card/green-card-term.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise, notifyLeader } from '../shared/notify.js';
import { loadGreenCard } from './load-green-card.js';

export async function issueGreenCard(ctx: RegisteredContext): Promise<void> {
  const rules = ctx.policy.greenCard!;
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '发放绿卡 P12'));
  const { project } = lookup;
  const p = `P${project.id}`;
  const card = await loadGreenCard(ctx.tx, project.id);
  const renewal = card?.state.state === 'issued' && card.state.renewalApplied;
  if (card?.state.state !== 'applied' && !renewal) return ctx.reply(`${p} 没有待发放的服务绿卡申请，请先发送「申请绿卡 ${p}」。`);
  const today = shanghaiDate(ctx.now);
  const oldEnd = card.state.validUntil;
  const from = renewal && oldEnd !== null && oldEnd >= today ? oldEnd : today;
  const term = greenCardTerm(from, rules);
  await ctx.tx.greenCard.update({
    where: { projectId: project.id },
    data: {
      state: 'issued',
      issuedOn: new Date(`${today}T00:00:00Z`),
      validUntil: new Date(`${term.validUntil}T00:00:00Z`),
      renewalAppliedAt: null,
      renewalRemindAt: term.renewalRemindAt,
      remindedAt: null,
    },
  });
  await ctx.record({ kind: 'green_card.issued', projectId: project.id, after: { renewal, validUntil: term.validUntil } });
  const what = `${p} ${project.name} 已${renewal ? '续用' : '获发'}服务绿卡，有效期至 ${term.validUntil}`;
  await notifyEnterprise(ctx, project, `${what}，到期前 ${rules.renewalWindowDays} 天内可申请续用。`);
  await notifyLeader(ctx, project, `${what}。`);
  await ctx.reply(`已${renewal ? '续用' : '发放'} ${p} ${project.name} 服务绿卡，有效期至 ${term.validUntil}。`);
}
