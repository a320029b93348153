// The dry run of a ledger file (docs/domain.md "Importing a ledger"), whoever brought the bytes: the file
// handler when they came with the message (the local chat), the job that read them from the platform
// (WeCom media/get, DingTalk messageFiles/download) after the message's transaction. It keeps the rows it
// can import for `确认导入` — in the database, keyed to the sender and expiring, so the confirmation works
// on any instance — and returns the answer and the event to log. Nothing in the ledger changes yet.
import type { Tx } from '../../prisma/open-database.js';
import type { EventRecord } from '../context.js';
import { describeImportPlan } from '../../domain/import/describe-import-plan.js';
import { planImport } from '../../domain/import/plan-import.js';
import { readImportRow } from '../../domain/import/read-import-row.js';
import { MAX_IMPORT_BYTES, readImportSheet } from '../../domain/import/read-import-sheet.js';
import type { Policy } from '../../domain/policy.js';
import { loadExistingProjects, loadImportLookups } from './load-import-ledger.js';

/** How long a preview waits for 确认导入. */
export const PREVIEW_VALID_MINUTES = 30;

export interface ImportFile {
  personId: number;
  fileName: string;
  /** Null when the file is larger than MAX_IMPORT_BYTES and was not read. */
  bytes: Buffer | null;
  size: number;
}

export async function previewImportFile(
  tx: Tx,
  file: ImportFile,
  { policy, now }: { policy: Policy; now: Date },
): Promise<{ reply: string; event?: EventRecord }> {
  if (file.bytes === null || file.size > MAX_IMPORT_BYTES)
    return { reply: `文件太大（${megabytes(file.size)} MB），导入台账最多 ${megabytes(MAX_IMPORT_BYTES)} MB。请只留项目表，另存后再发送。` };
  const sheet = await readImportSheet(file.bytes);
  if (!sheet.ok)
    return {
      reply:
        sheet.code === 'NOT_XLSX'
          ? '这个文件打不开，不是有效的 Excel 文件（.xlsx）。请另存为 .xlsx 后再发送。'
          : '没有找到项目表：前 10 行里要有「项目名称」和「总投资」两列的表头。可先发「台账」，照导出的表格填写。',
    };
  if (sheet.rows.length === 0) return { reply: `「${sheet.sheetName}」表头下面没有项目，没有可导入的内容。` };

  const lookups = await loadImportLookups(tx, policy, now);
  const rows = sheet.rows.map((row) => readImportRow(row, sheet.headers, lookups));
  const actions = planImport(rows, await loadExistingProjects(tx), lookups.today);
  const importable = actions.flatMap((action) => (action.kind === 'create' || action.kind === 'update' ? [action.project] : []));
  // A new file replaces the sender's earlier preview; one with nothing to import leaves none to confirm.
  await tx.pendingImport.deleteMany({ where: { personId: file.personId } });
  if (importable.length > 0) {
    const expiresAt = new Date(now.getTime() + PREVIEW_VALID_MINUTES * 60_000);
    await tx.pendingImport.create({ data: { personId: file.personId, fileName: file.fileName, rows: importable as object[], createdAt: now, expiresAt } });
  }
  const counted = Object.fromEntries(
    ['create', 'update', 'unchanged', 'refused'].map((kind) => [kind, actions.filter((action) => action.kind === kind).length]),
  );
  return {
    reply: describeImportPlan({ fileName: file.fileName, actions, unused: sheet.unused }, PREVIEW_VALID_MINUTES),
    event: { kind: 'import.previewed', after: { fileName: file.fileName, ...counted } },
  };
}

const megabytes = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
