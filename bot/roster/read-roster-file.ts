// Reads a roster file (CSV, or the first sheet of an XLSX) into rows keyed by header, each
// with the line number a person would see in a spreadsheet.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface RosterRow {
  line: number;
  cells: Record<string, string>;
}

export async function readRosterFile(path: string): Promise<RosterRow[]> {
  const table = /\.xlsx$/i.test(path) ? await readXlsx(path) : readCsv(path);
  const [header, ...body] = table;
  if (!header) return [];
  const names = header.map((cell) => cell.trim());
  return body
    .map((cells, index) => ({
      line: index + 2,
      cells: Object.fromEntries(names.map((name, column) => [name, (cells[column] ?? '').trim()])),
    }))
    .filter((row) => Object.values(row.cells).some((value) => value !== ''));
}

function readCsv(path: string): string[][] {
  return parse(readFileSync(path), { bom: true, relaxColumnCount: true, skipEmptyLines: false });
}

async function readXlsx(path: string): Promise<string[][]> {
  // Loaded on demand: exceljs takes about a second to import, and most starts read no XLSX.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (cells) => Array.from(cells ?? [], (cell) => cell ?? ''));
}
