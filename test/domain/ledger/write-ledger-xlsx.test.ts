// 台账 as the file a reader opens: every cell's value and format, the bold, frozen and filtered
// header row, from a ledger of explicit sheets (domain/ledger/write-ledger-xlsx.ts).
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { Ledger } from '../../../domain/ledger/build-ledger.js';
import { writeLedgerXlsx } from '../../../domain/ledger/write-ledger-xlsx.js';

const ledger: Ledger = {
  fileName: '项目台账-2026-11-23.xlsx',
  sheets: [
    {
      name: '在办事项',
      columns: [
        { header: '编号', width: 8, format: 'text' },
        { header: '投资(万元)', width: 12, format: 'number' },
        { header: '派单时间', width: 17, format: 'datetime' },
        { header: '办结期限', width: 12, format: 'date' },
        { header: '灯', width: 5, format: 'text' },
      ],
      rows: [
        ['T1', 35000, '2026-11-20 09:05', '2026-12-01', '红'],
        ['T2', 0.5, '2026-11-21 17:50', null, null],
      ],
    },
    { name: '问题', columns: [{ header: '编号', width: 8, format: 'text' }], rows: [] },
  ],
};

it('writes values, formats and the header as a reader sees them', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeLedgerXlsx(ledger)) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['在办事项', '问题']);
  const sheet = workbook.getWorksheet('在办事项')!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
  expect(sheet.columns.map((column) => column.width)).toEqual([8, 12, 17, 12, 5]);
  const cells = (row: number) =>
    Array.from({ length: 5 }, (_, index) => {
      const cell = sheet.getRow(row).getCell(index + 1);
      return [cell.value, cell.numFmt ?? null, cell.font?.bold ?? false];
    });
  expect(cells(1)).toEqual([
    ['编号', null, true],
    ['投资(万元)', '#,##0.00', true],
    ['派单时间', 'yyyy-mm-dd hh:mm', true],
    ['办结期限', 'yyyy-mm-dd', true],
    ['灯', null, true],
  ]);
  // Shanghai wall-clock times, stored as spreadsheet dates (no zone).
  expect(cells(2)).toEqual([
    ['T1', null, false],
    [35000, '#,##0.00', false],
    [new Date('2026-11-20T09:05:00Z'), 'yyyy-mm-dd hh:mm', false],
    [new Date('2026-12-01T00:00:00Z'), 'yyyy-mm-dd', false],
    ['红', null, false],
  ]);
  expect(cells(3).slice(0, 4)).toEqual([
    ['T2', null, false],
    [0.5, '#,##0.00', false],
    [new Date('2026-11-21T17:50:00Z'), 'yyyy-mm-dd hh:mm', false],
    [null, 'yyyy-mm-dd', false],
  ]);
  expect(sheet.rowCount).toBe(3);
  expect(workbook.getWorksheet('问题')!.rowCount).toBe(1);
});
