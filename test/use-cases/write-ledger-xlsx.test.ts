// 台账 as the file a reader opens: every cell's value and format, the bold, frozen and filtered
// header row, from a ledger of explicit sheets (use-cases/write-ledger-xlsx.ts).
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { buildLedger, type Ledger } from '../../domain/ledger/build-ledger.js';
import { writeLedgerXlsx } from '../../use-cases/write-ledger-xlsx.js';
import { at, context, data } from '../domain/ledger/ledger-fixture.js';

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

it('shows 联系人, 电话, 开工期限（暂定）, 完成投资, the phase, 建议/答复/领导意见 and the 排名 sheet (004 三(一)1; 003 一(三)5)', async () => {
  // Wednesday 2026-12-30: T5's 报到 and 办结 deadlines moved into provisional 2027.
  const december = { ...context, now: at('2026-12-30T10:00:00') };
  const tasks = data.tasks.map((task) => (task.id === 5 ? { ...task, ackDueAt: at('2027-01-04T08:50:00'), dueOn: '2027-01-06' } : task));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeLedgerXlsx(buildLedger({ ...data, tasks }, december))) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['项目', '在办事项', '问题', '排名 2026-12']);
  const read = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    return Array.from({ length: sheet.rowCount - 1 }, (_, index) =>
      Object.fromEntries(headers.map((header, column) => [header, sheet.getRow(index + 2).getCell(column + 1).value])),
    );
  };
  const [p1, p2] = read('项目');
  expect([p1!['联系人'], p1!['电话'], p1!['完成投资(万元)'], p1!['开工期限']]).toEqual(['张三', '13900001111', 8000, null]);
  // A firm date is a spreadsheet date; one in a provisional year is text with its mark.
  expect(p2!['开工期限']).toMatch(/^2027-03-\d\d（暂定）$/);
  expect(p2!['签约日期']).toEqual(new Date('2026-11-02T00:00:00Z'));
  const t5 = read('在办事项').find((row) => row['编号'] === 'T5')!;
  expect([t5['阶段'], t5['报到期限'], t5['办结期限']]).toEqual(['工程建设许可', '2027-01-04 08:50（暂定）', '2027-01-06（暂定）']);
  const [q1] = read('问题');
  expect([q1!['建议'], q1!['答复'], q1!['领导意见']]).toEqual(['协调自然资源局加快挂牌', '已报市局，预计12月挂牌\n挂牌公告已发布', '请主要领导协调用地指标']);
  expect(read('排名 2026-12').map((row) => [row['名次'], row['单位']])).toContainEqual(['未排名', '市水务局']);
});
