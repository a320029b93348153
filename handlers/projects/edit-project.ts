// 修改项目: corrects a registered project's fields (the project list of 004 三(一)1 and 003 一(二)4
// changes as negotiations go on), and a wrong 开工/投产/入库 date. Each change lands in the archive with
// its before and after (一事一档, 002 五(十)); the mobile is kept out of it, as in 登记项目. A field name
// the bot does not know is refused with the list, never dropped. It works after 办结 too, since the
// project's stages go on; a 终止 project is off the books (docs/domain.md "Project life cycle").
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { describeUnknownUnit, resolveUnit } from '../../domain/catalogue/resolve-unit.js';
import { parseContact } from '../../domain/commands/parse-contact.js';
import { parseDate } from '../../domain/commands/parse-date.js';
import { describeInvestmentRefusal, formatInvestment, parseInvestment } from '../../domain/commands/parse-investment.js';
import { maskMobile } from '../../domain/mask-mobile.js';
import { findActivePersonNamed, findProjectNamed, listUnits } from '../../use-cases/find-named.js';
import { saveProjectEdit } from '../../use-cases/save-project-edit.js';
import { describeNewBindCode } from './reissue-bind-code.js';
import {
  describeDateRefusal,
  describeFieldRefusal,
  projectFields,
  readProjectFields,
  stageDateFields,
  type ProjectField,
} from '../../domain/project/project-fields.js';
import { stageSteps } from '../../domain/project/project-stage.js';
import { checkStageDates, describeStageDateRefusal } from '../../domain/project/stage-dates.js';
import { commandLine } from '../shared/command-line.js';
import { describeProjectRefusal, loadProject } from '../shared/load-project.js';

const usage = '修改项目 P12 投资：8亿 联系人：张三 13800000000';

type Change = { label: string; before: string; after: string };

const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

export async function editProject(ctx: RegisteredContext): Promise<void> {
  const line = commandLine(ctx);
  const lookup = await loadProject(ctx, line.args[0]);
  if (!lookup.ok) return ctx.reply(describeProjectRefusal(lookup, usage));
  const { project } = lookup;
  if (project.service === 'terminated') return ctx.reply(`P${project.id} 已终止，不能再修改。`);
  const read = readProjectFields(line.fields);
  if (!read.ok) return ctx.reply(read.code === 'UNKNOWN_FIELD' ? `${describeFieldRefusal(read)}例如：${usage}` : describeFieldRefusal(read));
  const fields = read.values;
  if (Object.keys(fields).length === 0) return ctx.reply(`请写明要改的字段和新值，例如：${usage}`);

  const data: Record<string, unknown> = {};
  const changes: Change[] = [];
  const notes: string[] = [];
  const change = (field: ProjectField, before: string, after: string) => {
    if (before !== after) changes.push({ label: projectFields[field].label, before, after });
  };
  const today = shanghaiDate(ctx.now);

  for (const field of ['name', 'content', 'industry', 'enterprise', 'targetTasks', 'timeNodes'] as const) {
    const value = fields[field];
    if (value === undefined) continue;
    data[field] = value;
    change(field, project[field], value);
  }
  if (fields.name && fields.name !== project.name) {
    const twin = await findProjectNamed(ctx.tx, fields.name, project.id);
    if (twin !== null) notes.push(`注意：P${twin} 也叫「${fields.name}」，请确认不是同一个项目。`);
  }
  if (fields.investment) {
    const investment = parseInvestment(fields.investment);
    if (!investment.ok) return ctx.reply(describeInvestmentRefusal(investment.code, fields.investment));
    const eligible = investment.wan >= ctx.policy.minInvestmentWan;
    data.investmentWan = investment.wan;
    data.eligible = eligible;
    change('investment', formatInvestment(Number(project.investmentWan)), formatInvestment(investment.wan));
    if (!eligible && project.eligible) notes.push(`投资低于帮办代办标准 ${formatInvestment(ctx.policy.minInvestmentWan)}，项目不再纳入帮办代办。`);
  }
  if (fields.leadUnit) {
    const units = await listUnits(ctx.tx);
    const found = resolveUnit(fields.leadUnit, units, ctx.policy.unitAliases);
    if (!found.ok) return ctx.reply(describeUnknownUnit(found.typed, found.suggestions));
    data.leadUnitId = found.unit.id;
    change('leadUnit', units.find((unit) => unit.id === project.leadUnitId)?.name ?? '', found.unit.name);
  }
  if (fields.contact) {
    const contact = parseContact(fields.contact);
    data.contactName = contact.name;
    data.contactMobile = contact.mobile ?? project.contactMobile;
    const shown = (name: string, mobile: string | null) => [name, mobile ? maskMobile(mobile) : ''].filter(Boolean).join(' ');
    change('contact', shown(project.contactName, project.contactMobile), shown(contact.name, contact.mobile ?? project.contactMobile));
  }
  if (fields.leader) {
    const leader = await findActivePersonNamed(ctx.tx, fields.leader);
    data.leaderName = fields.leader;
    data.leaderId = leader?.id ?? null;
    change('leader', project.leaderName, fields.leader);
    if (!leader) notes.push(`包抓领导「${fields.leader}」不在名册中，组建团队时请重新指定。`);
  }
  for (const field of ['signedOn', 'landListedOn', 'expectedStartOn', ...stageDateFields] as const) {
    const text = fields[field];
    if (!text) continue;
    const step = Object.values(stageSteps).find((candidate) => candidate.field === field);
    // A stage is entered by its own command, which tells the 包抓领导; 修改项目 only corrects its date.
    if (step && !project[field]) return ctx.reply(`P${project.id} 还没有登记${step.word}，请发「${step.word} P${project.id} ${today}」。`);
    const parsed = parseDate(text, today, { month: field === 'expectedStartOn' });
    if (!parsed.ok) return ctx.reply(describeDateRefusal(field, text, today, `修改项目 P${project.id} `));
    data[field] = new Date(`${parsed.date}T00:00:00Z`);
    change(field, day(project[field]) ?? '', parsed.date);
  }
  // A changed 签约 or stage date is checked against the others, as 开工/投产/入库 check theirs.
  const datedFields = ['signedOn', ...stageDateFields] as const;
  if (datedFields.some((field) => field in data)) {
    const dated = (field: (typeof datedFields)[number]) => (data[field] as Date | undefined)?.toISOString().slice(0, 10) ?? day(project[field]);
    const check = checkStageDates(
      { signedOn: dated('signedOn'), startedOn: dated('startedOn'), producedOn: dated('producedOn'), enrolledOn: dated('enrolledOn') },
      today,
    );
    if (!check.ok) return ctx.reply(describeStageDateRefusal(check, project.id, today));
  }

  if (changes.length === 0) return ctx.reply(`P${project.id} 没有变化：新值与原值相同。`);
  // A new contact needs a code of their own; the old one is void (docs/domain.md "The enterprise's view").
  const code = await saveProjectEdit(ctx, project.id, {
    data,
    before: Object.fromEntries(changes.map((item) => [item.label, item.before])),
    after: Object.fromEntries(changes.map((item) => [item.label, item.after])),
    newContact: changes.some((item) => item.label === projectFields.contact.label),
  });
  const lines = [
    `已修改 P${project.id} ${fields.name ?? project.name}：`,
    ...changes.map((item) => `${item.label}：${item.before || '（空）'} → ${item.after}`),
    ...notes,
    ...(code ? [describeNewBindCode(ctx, { id: project.id, contactName: String(data.contactName) }, code, '此前的绑定码已作废。')] : []),
  ];
  await ctx.reply(lines.join('\n'));
}
