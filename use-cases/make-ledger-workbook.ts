// The 台账 workbook, made once for every face: the chat's `台账` sends it, the 看板's ledger page offers
// it for download, and the 22nd's ranking can carry it (domain/ledger/build-ledger.ts).
import { hasRole, type Viewer } from '../domain/access/project-access.js';
import { buildLedger } from '../domain/ledger/build-ledger.js';
import { writeLedgerXlsx } from '../domain/ledger/write-ledger-xlsx.js';
import type { Policy } from '../domain/policy.js';
import { coordinatorRoles } from '../domain/roles.js';
import { loadLedger } from '../prisma/load-ledger.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import type { Tx } from '../prisma/open-database.js';

/** Who reads the whole ledger: the coordinators (重点项目办 among them), 督查中心 and the leaders (003 一(三)5(2)). */
export const ledgerReaders = [...coordinatorRoles, 'inspection', 'main_leader', 'county_leader'] as const;

export function canReadLedger(viewer: Viewer): boolean {
  return hasRole(viewer, ...ledgerReaders);
}

export interface LedgerWorkbook {
  fileName: string;
  content: Buffer;
  projects: number;
  openItems: number;
  problems: number;
}

export async function makeLedgerWorkbook(db: Tx, now: Date, policy: Policy): Promise<LedgerWorkbook> {
  const data = await loadLedger(db, now);
  const ledger = buildLedger(data, { now, policy, calendar: await loadWorkingCalendar(db) });
  return {
    fileName: ledger.fileName,
    content: await writeLedgerXlsx(ledger),
    projects: data.projects.length,
    openItems: ledger.sheets[1]!.rows.length,
    problems: data.problems.length,
  };
}
