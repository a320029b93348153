// 登记项目: a signed project enters the bot (申请受理表, 002 五(二); project fields 004 三(一)1,
// 003 一(二)4). It starts in stage 签约, its service 未受理, with a one-time 绑定码 for the enterprise
// contact; below the 帮办代办 threshold (5,000万元, 002 三) it is registered but marked not eligible.
// 储备 and 在谈 projects are not registered (docs/domain.md "Project life cycle").
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { parseContact } from '../../domain/commands/parse-contact.js';
import { parseDate } from '../../domain/commands/parse-date.js';
import { describeInvestmentRefusal, formatInvestment, parseInvestment } from '../../domain/commands/parse-investment.js';
import { describeUnknownUnit, resolveUnit } from '../../domain/catalogue/resolve-unit.js';
import { describeDateRefusal, describeFieldRefusal, projectFields, readProjectFields, stageDateFields } from '../../domain/project/project-fields.js';
import { stageSteps } from '../../domain/project/project-stage.js';
import { commandLine } from '../shared/command-line.js';
import { findActivePersonNamed, findProjectNamed, listUnits } from '../../use-cases/find-named.js';
import { registerProject as register } from '../../use-cases/register-project.js';

const usage = '登记项目 名称：光伏组件项目 投资：3.5亿 企业：某某新能源公司 联系人：张三 13800000000 包抓领导：李四 签约日期：2026-03-02';

export async function registerProject(ctx: RegisteredContext): Promise<void> {
  const read = readProjectFields(commandLine(ctx).fields);
  if (!read.ok) return ctx.reply(read.code === 'UNKNOWN_FIELD' ? `${describeFieldRefusal(read, stageDateFields)}例如：\n${usage}` : describeFieldRefusal(read));
  const fields = read.values;
  const missing = [fields.name ? '' : '名称', fields.investment ? '' : '投资'].filter(Boolean);
  if (missing.length > 0) return ctx.reply(`缺少${missing.join('和')}，例如：\n${usage}`);
  const staged = stageDateFields.find((field) => fields[field]);
  if (staged) {
    const step = Object.values(stageSteps).find((candidate) => candidate.field === staged)!;
    return ctx.reply(`登记项目不写${projectFields[staged].label}。请先登记，再发「${step.word} P12 日期」。`);
  }
  const name = fields.name!;
  const investmentText = fields.investment!;
  const investment = parseInvestment(investmentText);
  if (!investment.ok) return ctx.reply(describeInvestmentRefusal(investment.code, investmentText));

  const today = shanghaiDate(ctx.now);
  const dates: Record<'signedOn' | 'landListedOn' | 'expectedStartOn', Date | null> = { signedOn: null, landListedOn: null, expectedStartOn: null };
  for (const key of ['signedOn', 'landListedOn', 'expectedStartOn'] as const) {
    const text = fields[key];
    if (!text) continue;
    const parsed = parseDate(text, today, { month: key === 'expectedStartOn' });
    if (!parsed.ok) return ctx.reply(describeDateRefusal(key, text, today));
    dates[key] = new Date(`${parsed.date}T00:00:00Z`);
  }

  // Without 责任单位 the county's default (policy.defaultLeadUnit) or none, asked for in the reply:
  // never the sender's own unit, which made the window 责任单位 of every project it registered (issue 18).
  const units = await listUnits(ctx.tx);
  const unitFound = fields.leadUnit ? resolveUnit(fields.leadUnit, units, ctx.policy.unitAliases) : undefined;
  if (unitFound && !unitFound.ok) return ctx.reply(describeUnknownUnit(unitFound.typed, unitFound.suggestions));
  const byDefault = !unitFound && ctx.policy.defaultLeadUnit !== null ? resolveUnit(ctx.policy.defaultLeadUnit, units, ctx.policy.unitAliases) : undefined;
  const leadUnit = unitFound?.unit ?? (byDefault?.ok ? byDefault.unit : undefined);
  const leaderName = fields.leader ?? '';
  const leader = leaderName ? await findActivePersonNamed(ctx.tx, leaderName) : null;
  const contact = parseContact(fields.contact ?? '');
  const eligible = investment.wan >= ctx.policy.minInvestmentWan;
  const twin = await findProjectNamed(ctx.tx, name);

  const { project, code } = await register(ctx, {
    name,
    investmentWan: investment.wan,
    industry: fields.industry ?? '',
    enterprise: fields.enterprise ?? '',
    content: fields.content ?? '',
    contactName: contact.name,
    contactMobile: contact.mobile,
    leaderId: leader?.id ?? null,
    leaderName,
    leadUnitId: leadUnit?.id ?? null,
    targetTasks: fields.targetTasks ?? '',
    timeNodes: fields.timeNodes ?? '',
    ...dates,
    eligible,
  });

  const lines = [`已登记 P${project.id} ${name}（投资 ${formatInvestment(investment.wan)}，已签约）。`];
  if (!eligible) lines.push(`投资低于帮办代办标准 ${formatInvestment(ctx.policy.minInvestmentWan)}，项目已登记，但不纳入帮办代办。`);
  if (twin !== null) lines.push(`注意：P${twin} 也叫「${name}」，请确认不是同一个项目（改名：修改项目 P${project.id} 名称：新名称）。`);
  if (leaderName && !leader) lines.push(`包抓领导「${leaderName}」不在名册中，组建团队时请重新指定。`);
  if (!unitFound && leadUnit) lines.push(`未写责任单位，按本县默认定为${leadUnit.name}（改：修改项目 P${project.id} 责任单位：单位名称）。`);
  if (!leadUnit) lines.push(`未写责任单位：请补充，发送「修改项目 P${project.id} 责任单位：单位名称」。补充前，每周问题收集和开工期限提醒无单位可发。`);
  lines.push(
    `企业联络员绑定码：${code}（${ctx.policy.bindCodeValidDays} 天内有效，只能用一次）。请转告${contact.name || '企业联络员'}：向项目管家发送「绑定 ${code}」。`,
  );
  if (eligible) lines.push(`下一步：受理 P${project.id}`);
  await ctx.reply(lines.join('\n'));
}
