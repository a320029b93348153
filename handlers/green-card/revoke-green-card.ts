// 注销绿卡 P12 <原因>: 招商服务中心 (市经济合作局) revokes a project's 服务绿卡 on one of the grounds of
// 000 第四条(四)1 (投产, 事故, 撤资, 迁出, 失信…); the project may not apply again for three years (同条(8)).
import type { RegisteredContext } from '../context.js';
import { addCalendarYears } from '../../domain/calendar/add-calendar-years.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { notifyEnterprise, notifyLeader } from '../shared/notify.js';
import { loadGreenCard } from './load-green-card.js';

export async function revokeGreenCard(ctx: RegisteredContext): Promise<void> {
  const rules = ctx.policy.greenCard!;
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '注销绿卡 P12 企业迁出本市'));
  const { project } = lookup;
  const p = `P${project.id}`;
  const card = await loadGreenCard(ctx.tx, project.id);
  if (card?.state.state !== 'issued') return ctx.reply(`${p} 没有已发放的服务绿卡。发送「绿卡 ${p}」查看。`);
  const reason = line.args.slice(1).join(' ').trim();
  if (!reason) return ctx.reply(`请写明注销原因，例如「注销绿卡 ${p} 企业迁出本市」。`);
  const today = shanghaiDate(ctx.now);
  const mayApplyOn = addCalendarYears(today, rules.reapplyBarYears);
  await ctx.tx.greenCard.update({
    where: { projectId: project.id },
    data: { state: 'revoked', revokedOn: new Date(`${today}T00:00:00Z`), revokeReason: reason, renewalAppliedAt: null, renewalRemindAt: null },
  });
  await ctx.record({ kind: 'green_card.revoked', projectId: project.id, before: { validUntil: card.state.validUntil }, after: { reason, mayApplyOn } });
  const text = `${p} ${project.name} 的服务绿卡已注销（${reason}），${mayApplyOn} 起可以再次申请。`;
  await notifyEnterprise(ctx, project, text);
  await notifyLeader(ctx, project, text);
  await ctx.reply(`已注销 ${p} ${project.name} 服务绿卡（${reason}），${mayApplyOn} 起可以再次申请。`);
}
