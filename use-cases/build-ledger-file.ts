// 台账 as a file: read the ledger's data, build its sheets (domain/ledger/build-ledger.ts) and write the
// workbook. The reply to `台账` and the 22nd's ranking (cron/schedules/run-schedules.ts) both send this
// one file, so they cannot drift apart.
import type { Ledger, LedgerContext, LedgerData } from '../domain/ledger/build-ledger.js';
import { buildLedger } from '../domain/ledger/build-ledger.js';
import { ledgerDataOf } from '../domain/ledger/ledger-data-of.js';
import { loadSnapshot } from '../prisma/load-snapshot.js';
import type { Tx } from '../prisma/open-database.js';
import type { StoredSnapshot } from '../domain/schedule/schedule-snapshot.js';
import { writeLedgerXlsx } from './write-ledger-xlsx.js';

export interface LedgerFile {
  data: LedgerData;
  ledger: Ledger;
  /** The workbook, named like `项目台账-2026-11-23.xlsx`. */
  file: { name: string; content: Buffer };
}

/** Pass `stored` when the caller has read the snapshot already, closed problems included (the 22nd's ranking). */
export async function buildLedgerFile(tx: Tx, context: LedgerContext, stored?: StoredSnapshot): Promise<LedgerFile> {
  return ledgerFileOf(stored ?? (await loadSnapshot(tx, context.now, { closedProblems: true })), context);
}

/** The same file from a snapshot already read (closed problems included), with no transaction held while exceljs writes. */
export async function ledgerFileOf(stored: StoredSnapshot, context: LedgerContext): Promise<LedgerFile> {
  const read = ledgerDataOf(stored);
  const ledger = buildLedger(read, context);
  return { data: read, ledger, file: { name: ledger.fileName, content: await writeLedgerXlsx(ledger) } };
}
