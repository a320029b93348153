// 绿卡 P12: the project's 服务绿卡 (000 第四条): applied, valid until when, or revoked and from when it
// may apply again. Whoever may see the project may see its card.
import type { RegisteredContext } from '../context.js';
import { addCalendarYears } from '../../domain/calendar/add-calendar-years.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { loadGreenCard } from './load-green-card.js';

export async function showGreenCard(ctx: RegisteredContext): Promise<void> {
  const rules = ctx.policy.greenCard!;
  const lookup = await loadProject(ctx, commandLine(ctx).args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, '绿卡 P12'));
  const { project } = lookup;
  const p = `P${project.id}`;
  const card = await loadGreenCard(ctx.tx, project.id);
  const title = `${p} ${project.name} 服务绿卡：`;
  if (!card) return ctx.reply(`${p} ${project.name} 没有服务绿卡。符合条件的可发送「申请绿卡 ${p}」。`);
  const { state, validUntil, revokedOn, renewalApplied } = card.state;
  if (state === 'applied') return ctx.reply(`${title}${shanghaiDate(card.row.appliedAt)} 已申请，待发放。`);
  if (state === 'revoked')
    return ctx.reply(`${title}${revokedOn} 注销（${card.row.revokeReason}），${addCalendarYears(revokedOn!, rules.reapplyBarYears)} 起可以再次申请。`);
  const expired = validUntil! < shanghaiDate(ctx.now) ? '，已过期' : '';
  await ctx.reply(`${title}有效期至 ${validUntil}${expired}${renewalApplied ? '，已申请续用' : ''}。`);
}
