// A ledger file sent to the bot (docs/domain.md "Importing a ledger"): read it, say what an import would
// create, update and refuse, and keep the rows it can import for `确认导入` — in the database, keyed to the
// sender and expiring, so the confirmation works on any instance. Nothing in the ledger changes yet.
import type { RegisteredContext } from '../context.js';
import { describeImportPlan } from '../../domain/import/describe-import-plan.js';
import { planImport } from '../../domain/import/plan-import.js';
import { readImportRow } from '../../domain/import/read-import-row.js';
import { MAX_IMPORT_BYTES, readImportSheet } from '../../domain/import/read-import-sheet.js';
import { loadExistingProjects, loadImportLookups } from './load-import-ledger.js';

/** How long a preview waits for 确认导入. */
export const PREVIEW_VALID_MINUTES = 30;

export async function previewImport(ctx: RegisteredContext): Promise<void> {
  const { event } = ctx;
  if (event.type !== 'file') return;
  if (!/\.xlsx$/i.test(event.name)) return ctx.reply('只能导入 Excel 文件（.xlsx）。.xls 或 WPS 表格请先另存为 .xlsx，再发送。');
  if (event.size > MAX_IMPORT_BYTES || event.content === undefined)
    return ctx.reply(`文件太大（${megabytes(event.size)} MB），导入台账最多 ${megabytes(MAX_IMPORT_BYTES)} MB。请只留项目表，另存后再发送。`);
  const sheet = await readImportSheet(Buffer.from(event.content, 'base64'));
  if (!sheet.ok)
    return ctx.reply(
      sheet.code === 'NOT_XLSX'
        ? '这个文件打不开，不是有效的 Excel 文件（.xlsx）。请另存为 .xlsx 后再发送。'
        : '没有找到项目表：前 10 行里要有「项目名称」和「总投资」两列的表头。可先发「台账」，照导出的表格填写。',
    );
  if (sheet.rows.length === 0) return ctx.reply(`「${sheet.sheetName}」表头下面没有项目，没有可导入的内容。`);

  const lookups = await loadImportLookups(ctx.tx, ctx.policy, ctx.now);
  const rows = sheet.rows.map((row) => readImportRow(row, sheet.headers, lookups));
  const actions = planImport(rows, await loadExistingProjects(ctx.tx), lookups.today);
  const importable = actions.flatMap((action) => (action.kind === 'create' || action.kind === 'update' ? [action.project] : []));
  // A new file replaces the sender's earlier preview; one with nothing to import leaves none to confirm.
  await ctx.tx.pendingImport.deleteMany({ where: { personId: ctx.sender.id } });
  if (importable.length > 0) {
    const expiresAt = new Date(ctx.now.getTime() + PREVIEW_VALID_MINUTES * 60_000);
    await ctx.tx.pendingImport.create({ data: { personId: ctx.sender.id, fileName: event.name, rows: importable as object[], createdAt: ctx.now, expiresAt } });
  }
  await ctx.record({
    kind: 'import.previewed',
    after: {
      fileName: event.name,
      ...Object.fromEntries(['create', 'update', 'unchanged', 'refused'].map((kind) => [kind, actions.filter((action) => action.kind === kind).length])),
    },
  });
  await ctx.reply(describeImportPlan({ fileName: event.name, actions, unused: sheet.unused }, PREVIEW_VALID_MINUTES));
}

const megabytes = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
