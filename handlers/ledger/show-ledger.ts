// 台账: the whole ledger as an XLSX file (projects, open task cards, problems), for the coordinators,
// 督查中心 and the leaders; the 看板's ledger page offers the same workbook (use-cases/make-ledger-workbook.ts).
import type { RegisteredContext } from '../context.js';
import { makeLedgerWorkbook } from '../../use-cases/make-ledger-workbook.js';

export async function showLedger(ctx: RegisteredContext): Promise<void> {
  const workbook = await makeLedgerWorkbook(ctx.tx, ctx.now, ctx.policy);
  await ctx.reply(`项目台账：项目 ${workbook.projects} 个，在办事项 ${workbook.openItems} 项，问题 ${workbook.problems} 个。`);
  await ctx.reply({ kind: 'file', name: workbook.fileName, content: workbook.content.toString('base64') });
}
