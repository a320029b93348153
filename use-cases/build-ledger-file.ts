// 台账 as a file: read the ledger's data, build its sheets (domain/ledger/build-ledger.ts) and write the
// workbook. The reply to `台账` and the 22nd's ranking (cron/schedules/run-schedules.ts) both send this
// one file, so they cannot drift apart.
import type { Ledger, LedgerContext, LedgerData } from '../domain/ledger/build-ledger.js';
import { buildLedger } from '../domain/ledger/build-ledger.js';
import { loadLedger } from '../prisma/load-ledger.js';
import type { Tx } from '../prisma/open-database.js';
import { writeLedgerXlsx } from './write-ledger-xlsx.js';

export interface LedgerFile {
  data: LedgerData;
  ledger: Ledger;
  /** The workbook, named like `项目台账-2026-11-23.xlsx`. */
  file: { name: string; content: Buffer };
}

/** Pass `data` when the caller has read it already (the ranking builds it from its snapshot). */
export async function buildLedgerFile(tx: Tx, context: LedgerContext, data?: LedgerData): Promise<LedgerFile> {
  const read = data ?? (await loadLedger(tx, context.now));
  const ledger = buildLedger(read, context);
  return { data: read, ledger, file: { name: ledger.fileName, content: await writeLedgerXlsx(ledger) } };
}
