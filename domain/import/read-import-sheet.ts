// The rows of an imported ledger (docs/domain.md "Importing a ledger"): the first sheet whose header names
// a project's 名称 and 投资. Counties' sheets open with a title row and often a two-row header, the upper
// row merged over its sub-columns (时间节点 over 签约时间、开工时间); exceljs gives a merged cell its
// master's value, so each column takes the lowest header row's name it recognises. It reads and writes
// nothing but the bytes it is given, like use-cases/write-ledger-xlsx.ts.
import ExcelJS from 'exceljs';
import { matchImportHeader, type ImportColumn, type ImportHeader } from './match-import-header.js';

/** A cell as the row reader sees it: text, a number, or a date (a spreadsheet date, read as UTC). */
export type ImportCell = string | number | Date | null;

export interface ImportSheetRow {
  /** The row's number in the sheet, as the county's staff see it. */
  line: number;
  cells: Partial<Record<ImportColumn, ImportCell>>;
}

export type ImportSheet =
  | { ok: true; sheetName: string; headers: Partial<Record<ImportColumn, ImportHeader>>; unused: string[]; rows: ImportSheetRow[] }
  | { ok: false; code: 'NOT_XLSX' | 'NO_HEADER' };

/** The largest file taken: a county's ledger of a thousand projects is about 200 KB. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The header is looked for in this many rows from the top (a title, a subtitle, two header rows). */
const HEADER_SEARCH_ROWS = 10;

export async function readImportSheet(bytes: Buffer): Promise<ImportSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, code: 'NOT_XLSX' };
  }
  for (const sheet of workbook.worksheets) {
    const found = findHeader(sheet);
    if (!found) continue;
    const rows: ImportSheetRow[] = [];
    for (let line = found.lastRow + 1; line <= sheet.rowCount; line += 1) {
      const row = sheet.getRow(line);
      const cells: ImportSheetRow['cells'] = {};
      for (const [index, header] of found.columns) cells[header.column] = cellValue(row.getCell(index));
      if (Object.values(cells).some((value) => value !== null)) rows.push({ line, cells });
    }
    const headers = Object.fromEntries([...found.columns.values()].map((header) => [header.column, header]));
    return { ok: true, sheetName: sheet.name, headers, unused: found.unused, rows };
  }
  return { ok: false, code: 'NO_HEADER' };
}

/** The header rows: the first run of rows that each name two columns or more; null without 名称 and 投资. */
function findHeader(sheet: ExcelJS.Worksheet): { lastRow: number; columns: Map<number, ImportHeader>; unused: string[] } | null {
  const columns = new Map<number, ImportHeader>();
  const texts = new Map<number, string>();
  let lastRow = 0;
  for (let line = 1; line <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); line += 1) {
    const row = sheet.getRow(line);
    const matched = new Map<number, ImportHeader>();
    const unmatched = new Map<number, string>();
    for (let index = 1; index <= sheet.columnCount; index += 1) {
      const text = String(cellValue(row.getCell(index)) ?? '');
      const header = matchImportHeader(text);
      if (header) matched.set(index, header);
      else if (text) unmatched.set(index, text);
    }
    if (matched.size >= 2 && (lastRow === 0 || lastRow === line - 1)) {
      for (const [index, header] of matched) columns.set(index, header);
      for (const [index, text] of unmatched) if (!texts.has(index)) texts.set(index, text);
      lastRow = line;
    } else if (lastRow > 0) break;
  }
  const named = new Set([...columns.values()].map((header) => header.column));
  if (!named.has('name') || !named.has('investment')) return null;
  // A column named twice (项目名称 and 名称) is read from its first place.
  const seen = new Set<ImportColumn>();
  for (const [index, header] of [...columns]) {
    if (seen.has(header.column)) columns.delete(index);
    seen.add(header.column);
  }
  const unused = [...texts].filter(([index]) => !columns.has(index)).map(([, text]) => text);
  return { lastRow, columns, unused: [...new Set(unused)] };
}

function cellValue(cell: ExcelJS.Cell): ImportCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value)
    return (
      value.richText
        .map((part) => part.text)
        .join('')
        .trim() || null
    );
  if ('result' in value) return (value.result as ImportCell | undefined) ?? null;
  if ('text' in value) return String(value.text).trim() || null;
  return null;
}
