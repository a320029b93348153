// The ledger (domain/ledger/build-ledger.ts, the pure table) as an XLSX workbook, with exceljs: one sheet
// each, Chinese headers, the header row frozen and filtered, dates as real dates (so 签约日期 sorts and
// filters as dates). Part of the ledger use case (build-ledger-file.ts) that 台账 and the 22nd's ranking share.
// exceljs's streaming writer turns each row into XML as it is added instead of keeping a cell object
// per value until the end (exceljs README "Streaming XLSX Writer"; figures in BENCHMARKS.md, digests).
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import type { Ledger } from '../domain/ledger/build-ledger.js';
import type { LedgerCell, LedgerColumn } from '../domain/ledger/ledger-sheet.js';

const formats = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', number: '#,##0.00', text: '@' } as const;

export async function writeLedgerXlsx(ledger: Ledger): Promise<Buffer> {
  const output = new PassThrough();
  // Read to its end, not to the writer's 'finish': the last bytes may still be on their way.
  const bytes = buffer(output);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = '项目管家';
  for (const sheet of ledger.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const styles = sheet.columns.map((column) => (column.format === 'text' ? {} : { numFmt: formats[column.format] }));
    worksheet.columns = sheet.columns.map((column, index) => ({ key: String(index), width: column.width, style: styles[index] }));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for (const values of sheet.rows) {
      const row = worksheet.addRow(values.map((cell, index) => toCell(cell, sheet.columns[index]!)));
      // addRow gives each cell its own copy of the column's style, and exceljs serialises every new
      // style object to find its id; sharing the column's object, it finds the id once per column.
      row.eachCell((cell, column) => (cell.style = styles[column - 1]!));
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
  return bytes;
}

/**
 * A spreadsheet date has no time zone: the Shanghai wall-clock time is stored as if it were UTC,
 * which is how exceljs turns a Date into a serial date, so the cell shows the Shanghai date.
 * A date marked （暂定） stays text, so the reader sees the mark (docs/domain.md "Working days and the calendar").
 */
function toCell(cell: LedgerCell, column: LedgerColumn): string | number | Date | null {
  if (cell === null || typeof cell === 'number') return cell;
  if (column.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
  if (column.format === 'datetime' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(cell)) return new Date(`${cell.replace(' ', 'T')}:00Z`);
  return cell;
}
