// 确认导入: imports what the sender's preview showed (docs/domain.md "Importing a ledger"). Deleting the
// pending row claims it, so of two 确认导入 at once — on one instance or two — one imports and the other
// finds nothing to confirm. Imports run one at a time (an advisory lock) and plan again against the
// projects as they are now, so a project another import just created is updated, not made twice. Each
// project's archive says 导入 with the file's name (一事一档, 002 五(十)); the start deadlines count from
// the imported 签约 and 土地摘牌 dates like any other (003 一(二)4(3); domain/project/project-deadlines.ts).
import type { RegisteredContext } from '../context.js';
import { shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { counts } from '../../domain/import/describe-import-plan.js';
import { planImport, type ImportAction } from '../../domain/import/plan-import.js';
import type { ImportedProject } from '../../domain/import/read-import-row.js';
import { issueBindCode } from '../../use-cases/issue-bind-code.js';
import { lockProject } from '../../prisma/lock-rows.js';
import { loadExistingProjects } from './load-import-ledger.js';
import { PREVIEW_VALID_MINUTES } from './preview-import-file.js';

/** An advisory-lock key of our own (any constant unique to ledger imports). */
const IMPORT_LOCK = 7_301_012;

const asDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

export async function confirmImport(ctx: RegisteredContext): Promise<void> {
  const [pending] = await ctx.tx.$queryRaw<{ fileName: string; rows: ImportedProject[]; expiresAt: Date }[]>`
    DELETE FROM "PendingImport" WHERE "personId" = ${ctx.sender.id} RETURNING "fileName", rows, "expiresAt"`;
  if (!pending) return ctx.reply('没有待确认的导入。请先发送台账 Excel 文件（.xlsx），看过预览再发「确认导入」。');
  if (pending.expiresAt <= ctx.now) return ctx.reply(`导入预览已过期（${PREVIEW_VALID_MINUTES} 分钟内有效），请重新发送文件。`);
  await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
  const today = shanghaiDate(ctx.now);
  const rows = pending.rows.map((project) => ({ ok: true as const, project }));
  // Lock the projects to update, then plan again on what they hold now (docs/architecture.md "Handlers lock what they change").
  const first = planImport(rows, await loadExistingProjects(ctx.tx), today);
  for (const id of first.flatMap((action) => (action.kind === 'update' ? [action.id] : [])).sort((a, b) => a - b)) await lockProject(ctx.tx, id);
  const actions = planImport(rows, await loadExistingProjects(ctx.tx), today);

  const created: number[] = [];
  const newCodes: string[] = [];
  for (const action of actions) {
    if (action.kind === 'create') created.push(await create(ctx, action.project, pending.fileName));
    if (action.kind !== 'update') continue;
    await update(ctx, action, pending.fileName);
    // A new contact needs a code of their own and the old one is void, as with 修改项目 (docs/domain.md "The enterprise's view").
    if (action.changes.some((change) => change.field === 'contact')) newCodes.push(`P${action.id} ${await issueBindCode(ctx, action.id)}`);
  }
  const lines = [`已导入「${pending.fileName}」：${counts(actions)}`];
  if (created.length > 0) lines.push(`新建 ${created.map((id) => `P${id}`).join('、')}。企业联络员绑定码请发「绑定码 P${created[0]}」生成。`);
  if (newCodes.length > 0) lines.push(`企业联系人已改，新绑定码（此前的绑定码已作废）：${newCodes.join('、')}`);
  for (const action of actions.filter((one): one is Extract<ImportAction, { kind: 'refused' }> => one.kind === 'refused'))
    lines.push(`第 ${action.line} 行 ${action.name}：${action.reasons.join('；')}`);
  await ctx.reply(lines.join('\n'));
}

async function create(ctx: RegisteredContext, project: ImportedProject, fileName: string): Promise<number> {
  const ended = project.service === 'closed' || project.service === 'terminated';
  const row = await ctx.tx.project.create({
    data: {
      name: project.name,
      content: project.content,
      investmentWan: project.investmentWan,
      industry: project.industry,
      enterprise: project.enterprise,
      contactName: project.contactName,
      contactMobile: project.contactMobile,
      leaderId: project.leader?.id ?? null,
      leaderName: project.leader?.name ?? '',
      leadUnitId: project.leadUnit?.id ?? null,
      targetTasks: project.targetTasks,
      timeNodes: project.timeNodes,
      signedOn: asDate(project.signedOn),
      landListedOn: asDate(project.landListedOn),
      expectedStartOn: asDate(project.expectedStartOn),
      startedOn: asDate(project.startedOn),
      producedOn: asDate(project.producedOn),
      enrolledOn: asDate(project.enrolledOn),
      stage: project.stage,
      service: project.service,
      // The service's own steps happened before the bot: an imported 已受理 counts its 组建团队 day from the import.
      acceptedAt: project.service === 'unaccepted' ? null : ctx.now,
      endedAt: ended ? ctx.now : null,
      eligible: project.investmentWan >= ctx.policy.minInvestmentWan,
      registeredById: ctx.sender.id,
    },
  });
  // The record holds no mobile: the event log is shown to many readers (档案).
  await ctx.record({
    kind: 'project.imported',
    projectId: row.id,
    after: { fileName, line: project.line, name: project.name, investmentWan: project.investmentWan, stage: project.stage, service: project.service },
  });
  return row.id;
}

async function update(ctx: RegisteredContext, action: Extract<ImportAction, { kind: 'update' }>, fileName: string): Promise<void> {
  const { project } = action;
  const data: Record<string, unknown> = {};
  for (const change of action.changes) {
    if (change.field === 'investment')
      Object.assign(data, { investmentWan: project.investmentWan, eligible: project.investmentWan >= ctx.policy.minInvestmentWan });
    else if (change.field === 'contact')
      Object.assign(data, { contactName: project.contactName, ...(project.contactMobile && { contactMobile: project.contactMobile }) });
    else if (change.field === 'leadUnit') data.leadUnitId = project.leadUnit!.id;
    else if (change.field === 'leader') Object.assign(data, { leaderId: project.leader!.id, leaderName: project.leader!.name });
    else if (change.field === 'signedOn' || change.field === 'landListedOn' || change.field === 'expectedStartOn')
      data[change.field] = asDate(project[change.field]);
    else data[change.field] = project[change.field];
  }
  await ctx.tx.project.update({ where: { id: action.id }, data });
  await ctx.record({
    kind: 'project.import_updated',
    projectId: action.id,
    before: Object.fromEntries(action.changes.map((change) => [change.label, change.before])),
    after: { fileName, ...Object.fromEntries(action.changes.map((change) => [change.label, change.after])) },
  });
}
