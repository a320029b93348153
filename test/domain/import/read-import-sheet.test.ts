// Reading a county's sheet (domain/import/read-import-sheet.ts): the header found under a merged title,
// across two rows merged over the dates; the column names a county uses; Excel dates and typed text as they come.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { matchImportHeader } from '../../../domain/import/match-import-header.js';
import { readImportSheet } from '../../../domain/import/read-import-sheet.js';
import { COUNTY_LEDGER } from '../../fixtures/county-ledger.js';

it('maps county header names and synonyms, reading the amount unit in brackets', () => {
  expect(matchImportHeader('总投资\n（亿元）')).toEqual({ column: 'investment', wanPerUnit: 10_000 });
  expect(matchImportHeader('投资(万元)')).toEqual({ column: 'investment', wanPerUnit: 1 });
  expect(
    ['项目名称', '名称', '分包领导', '包抓领导', '签约时间', '开工时间', '土地摘牌时间', '责任单位', '联系电话', '编号'].map(
      (name) => matchImportHeader(name)?.column,
    ),
  ).toEqual(['name', 'name', 'leader', 'leader', 'signedOn', 'startedOn', 'landListedOn', 'leadUnit', 'phone', 'number']);
  expect(matchImportHeader('序号')).toBeUndefined();
  expect(matchImportHeader('开工期限')).toBeUndefined();
});

it("reads the county sheet's 30 rows under a merged title and a two-row header", async () => {
  const sheet = await readImportSheet(await readFile(COUNTY_LEDGER));
  if (!sheet.ok) throw new Error(sheet.code);
  expect(sheet.sheetName).toBe('2026年重点项目');
  // 时间节点 is merged over its three dates: each column takes the sub-header's name.
  expect(Object.keys(sheet.headers).sort()).toEqual(
    ['contact', 'content', 'investment', 'landListedOn', 'leadUnit', 'leader', 'name', 'signedOn', 'stage', 'startedOn'].sort(),
  );
  expect(sheet.unused).toEqual(['序号', '备注']);
  expect(sheet.rows).toHaveLength(30);
  expect(sheet.rows[0]).toEqual({
    line: 5,
    cells: {
      name: '西岭农产品冷链物流园项目',
      content: '建设农产品冷链物流园生产线及配套设施',
      investment: 6250.5,
      leadUnit: '工信局',
      leader: '县领导乙',
      contact: '联系人1 13900001001',
      signedOn: new Date('2026-02-08T00:00:00Z'),
      landListedOn: null,
      startedOn: null,
      stage: '签约',
    },
  });
  expect(sheet.rows[2]!.cells.signedOn).toBe('2026年4月22日');
});

it('refuses a file that is no workbook, and a workbook without 名称 and 投资 columns', async () => {
  expect(await readImportSheet(Buffer.from('名称,投资\n光伏,8亿'))).toEqual({ ok: false, code: 'NOT_XLSX' });
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('人员').addRows([
    ['姓名', '单位'],
    ['张三', '自然资源局'],
  ]);
  expect(await readImportSheet(Buffer.from(await workbook.xlsx.writeBuffer()))).toEqual({ ok: false, code: 'NO_HEADER' });
});
