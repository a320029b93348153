// 台账: the whole ledger as an XLSX file (projects, open task cards, problems), for the coordinators,
// 督查中心 and the leaders; the 看板's ledger page offers the same workbook (use-cases/build-ledger-file.ts).
import type { RegisteredContext } from '../context.js';
import { loadWorkingCalendar } from '../../prisma/load-working-calendar.js';
import { buildLedgerFile } from '../../use-cases/build-ledger-file.js';

export async function showLedger(ctx: RegisteredContext): Promise<void> {
  const { data, ledger, file } = await buildLedgerFile(ctx.tx, { now: ctx.now, policy: ctx.policy, calendar: await loadWorkingCalendar(ctx.tx) });
  await ctx.reply(`项目台账：项目 ${data.projects.length} 个，在办事项 ${ledger.sheets[1]!.rows.length} 项，问题 ${data.problems.length} 个。`);
  await ctx.reply({ kind: 'file', name: file.name, content: file.content.toString('base64') });
}
