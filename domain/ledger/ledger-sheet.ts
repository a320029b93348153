// One sheet of the 台账 workbook, as build-ledger.ts and build-ranking-sheet.ts make it and
// write-ledger-xlsx.ts writes it. Its own file, so the ranking sheet does not import the ledger
// that imports it (issue 17: no import cycle).
export type LedgerCell = string | number | null;

export interface LedgerColumn {
  header: string;
  /** Characters. */
  width: number;
  /** date: an IsoDate; datetime: `YYYY-MM-DD HH:mm` in Shanghai (either may end in （暂定）); number: a number. */
  format: 'text' | 'number' | 'date' | 'datetime';
}

export interface LedgerSheet {
  name: string;
  columns: LedgerColumn[];
  rows: LedgerCell[][];
}
