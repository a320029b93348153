// A file sent to the bot (docs/domain.md "Importing a ledger"): an .xlsx is a ledger to import. Its bytes
// came with the message (the local chat) or are read from the platform by a job after this transaction,
// since a handler never calls a platform (docs/architecture.md); either way the sender gets the dry run.
import type { RegisteredContext } from '../context.js';
import { previewImportFile } from './preview-import-file.js';

export async function previewImport(ctx: RegisteredContext): Promise<void> {
  const { event } = ctx;
  if (event.type !== 'file') return;
  if (!/\.xlsx$/i.test(event.name)) return ctx.reply('只能导入 Excel 文件（.xlsx）。.xls 或 WPS 表格请先另存为 .xlsx，再发送。');
  if (event.content === undefined && event.download !== undefined && ctx.readFileLater)
    return ctx.readFileLater({ download: event.download, name: event.name });
  const bytes = event.content === undefined ? null : Buffer.from(event.content, 'base64');
  const preview = await previewImportFile(ctx.tx, { personId: ctx.sender.id, fileName: event.name, bytes, size: event.size }, ctx);
  if (preview.event) await ctx.record(preview.event);
  await ctx.reply(preview.reply);
}
