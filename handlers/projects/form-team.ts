// 组建团队 (use-cases/form-team.ts): "一个项目、一名领导、一批人员" (002 五(三)). The team gets a group chat
// where the platform allows one. Where the profile has a leader tier (营口, 001 帮扶 一(二)), the reply says
// when a city-level leader should lead.
import type { RegisteredContext } from '../context.js';
import { markProvisional } from '../../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { splitList } from '../../domain/commands/parse-command-line.js';
import { formatInvestment } from '../../domain/commands/parse-investment.js';
import { needsCityLeader } from '../../domain/project/needs-city-leader.js';
import { describeUnknownUnit } from '../../domain/catalogue/resolve-unit.js';
import { serviceNames } from '../../domain/project/service-state.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';
import { formTeam as form } from '../../use-cases/form-team.js';

const usage = '组建团队 P12 领导 李四 单位 自然资源局 生态环境局';

export async function formTeam(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, usage));
  const { project } = lookup;
  const formed = await form(ctx, project, readTeamArgs(line.args.slice(1), line.fields));
  if (formed.kind === 'not-running')
    return ctx.reply(`P${project.id} ${serviceNames[formed.service]}，${formed.service === 'unaccepted' ? '请先受理。' : '不能再组建团队。'}`);
  if (formed.kind === 'leader-unknown') return ctx.reply(`名册中没有「${formed.name}」。`);
  if (formed.kind === 'leader-missing') return ctx.reply(`请指定包抓领导，例如「${usage}」。`);
  if (formed.kind === 'units-unknown') return ctx.reply(formed.unknown.map((unit) => describeUnknownUnit(unit.typed, unit.suggestions)).join('\n'));
  const { leader, team } = formed;
  const planDue = markProvisional(formed.calendar, formed.planDueOn, shanghaiDate(ctx.now));
  const unitList = team.units.map((unit) => unit.name).join('、');
  // The team's group chat replaces the WeChat work group of 002 五(一); the messenger creates it
  // on the platform (or falls back to one-to-one messages where group chats are refused).
  const chatId = await ctx.openProjectChat({
    projectId: project.id,
    name: `${project.name}项目管家`,
    ownerId: leader.id,
    memberIds: [ctx.sender.id, ...team.members.map((member) => member.id)],
  });
  await ctx.send({ chatId }, `P${project.id} ${project.name} 项目管家团队：包抓领导 ${leader.name}；单位 ${unitList}。`);
  const lines = [`P${project.id} 团队已组建：包抓领导 ${leader.name}；单位 ${unitList}（共 ${team.members.length} 人）。`];
  if (needsCityLeader({ investmentWan: Number(project.investmentWan), industry: project.industry }, ctx.policy.leaderTier)) {
    const from = formatInvestment(ctx.policy.leaderTier!.cityLeaderFromWan);
    lines.push(`投资 ${from}以上（不含${ctx.policy.leaderTier!.exceptIndustries.join('、')}），应由市级领导牵头帮扶。`);
  }
  if (team.unitsWithoutAgent.length > 0) lines.push(`这些单位在名册中没有代办员：${team.unitsWithoutAgent.join('、')}。`);
  lines.push(`请在 ${planDue} 前制定方案：方案 P${project.id}`);
  await ctx.reply(lines.join('\n'));
}

/** `领导 李四 部门 甲 乙` on the line, or `领导：李四` / `部门：甲、乙` as fields. */
function readTeamArgs(words: string[], fields: Record<string, string>): { leaderName?: string; unitNames: string[] } {
  let leaderName = fields['领导'] ?? fields['包抓领导'];
  const unitNames = splitList(fields['部门'] ?? fields['单位'] ?? '');
  let mode: 'leader' | 'units' | null = null;
  for (const word of words) {
    if (word === '领导' || word === '包抓领导') mode = 'leader';
    else if (word === '部门' || word === '单位') mode = 'units';
    else if (mode === 'leader') leaderName = word;
    else if (mode === 'units') unitNames.push(...splitList(word));
  }
  return { leaderName: leaderName?.trim() || undefined, unitNames };
}
