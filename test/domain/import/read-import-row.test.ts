// One row of an imported ledger (domain/import/read-import-row.ts): amounts in the column's unit, dates from
// Excel or typed, the unit and leader from the roster, the stage from the dates; every reason at once.
import { expect, it } from 'vitest';
import type { ImportHeader } from '../../../domain/import/match-import-header.js';
import { readImportRow, type ImportLookups } from '../../../domain/import/read-import-row.js';

const lookups: ImportLookups = {
  units: [
    { id: 1, name: '市自然资源局' },
    { id: 2, name: '市发展和改革委员会' },
  ],
  unitAliases: {},
  people: [{ id: 7, name: '县领导甲' }],
  today: '2026-11-23',
};
const wan: ImportHeader = { column: 'investment', wanPerUnit: 1 };

it('reads a row of a county sheet: 亿元 column, short unit name, Excel day number, typed date, a started project', () => {
  const read = readImportRow(
    {
      line: 5,
      cells: {
        name: '光伏组件项目',
        investment: 3.5,
        leadUnit: '国土局',
        leader: '县领导甲',
        signedOn: 46_090,
        startedOn: '2026年6月1日',
        contact: '张三 13900001111',
      },
    },
    { investment: { column: 'investment', wanPerUnit: 10_000 } },
    lookups,
  );
  expect(read).toMatchObject({
    ok: true,
    project: {
      line: 5,
      name: '光伏组件项目',
      investmentWan: 35_000,
      leadUnit: { id: 1, name: '市自然资源局' },
      leader: { id: 7, name: '县领导甲' },
      signedOn: '2026-03-09',
      startedOn: '2026-06-01',
      stage: 'started',
      service: 'unaccepted',
      contactName: '张三',
      contactMobile: '13900001111',
    },
  });
});

it('refuses a row with every reason, each saying what to write', () => {
  const read = readImportRow(
    { line: 9, cells: { name: '冷链物流园', investment: '若干', leadUnit: '国土', leader: '王五', signedOn: '上个月', service: '审批中' } },
    { investment: wan },
    lookups,
  );
  expect(read).toEqual({
    ok: false,
    line: 9,
    name: '冷链物流园',
    reasons: [
      '看不懂投资「若干」，请写成 3.5亿、8000万、三千万 或 30000000元。',
      '没有「国土」这个单位，你是不是指：自然资源局？',
      '包抓领导「王五」不在名册中，请写名册中的姓名',
      '看不懂签约日期「上个月」，请写成 2026-11-23',
      '服务「审批中」不能导入：请写已受理，导入后再派单',
    ],
  });
});

it('takes the stage from the dates and refuses a stage the dates do not bear out', () => {
  const row = (cells: Record<string, string | number>) =>
    readImportRow({ line: 3, cells: { name: '光伏', investment: 8000, ...cells } }, { investment: wan }, lookups);
  expect(row({ stage: '开工' })).toMatchObject({ ok: false, reasons: ['项目阶段为开工，请填写开工日期'] });
  expect(row({ stage: '签约', signedOn: '2026-03-01', startedOn: '2026-02-01' })).toMatchObject({
    ok: false,
    reasons: ['开工日期 2026-02-01 早于签约日期 2026-03-01', '项目阶段为签约，但填了开工日期；请改项目阶段或删去该日期'],
  });
  expect(row({ service: '已受理', producedOn: '2026-10-01', startedOn: '2026-05-01' })).toMatchObject({
    ok: true,
    project: { stage: 'producing', service: 'accepted' },
  });
  expect(row({})).toMatchObject({ ok: true, project: { stage: 'signed', leadUnit: null, leader: null, signedOn: null } });
});
