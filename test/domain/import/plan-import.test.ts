// What an import would do (domain/import/plan-import.ts): a row matches the project its 编号 names, else the
// one project of its name; a second import changes nothing; an update names each changed field.
import { expect, it } from 'vitest';
import { planImport, type ExistingProject } from '../../../domain/import/plan-import.js';
import type { ImportedProject, ReadImportRow } from '../../../domain/import/read-import-row.js';

const blank = { content: '', industry: '', enterprise: '', targetTasks: '', timeNodes: '', contactName: '', contactMobile: null, leadUnit: null };
const dates = { signedOn: null, landListedOn: null, expectedStartOn: null, startedOn: null };
const row = (line: number, fields: Partial<ImportedProject>): ReadImportRow => ({
  ok: true,
  project: {
    line,
    number: null,
    name: '',
    investmentWan: 8000,
    leader: null,
    stage: 'signed',
    service: 'unaccepted',
    producedOn: null,
    enrolledOn: null,
    ...blank,
    ...dates,
    ...fields,
  },
});
const existing = (id: number, fields: Partial<ExistingProject>): ExistingProject => ({
  id,
  name: '',
  service: 'unaccepted',
  investmentWan: 8000,
  leaderName: '',
  ...blank,
  ...dates,
  ...fields,
});

it('creates new names, updates by 编号 or by name, and leaves an unchanged row alone', () => {
  const actions = planImport(
    [
      row(3, { name: '新项目' }),
      row(4, { name: '改名后', number: 1 }),
      row(5, { name: '冷链', investmentWan: 12000, leadUnit: { id: 2, name: '市商务局' } }),
      row(6, { name: '光伏' }),
    ],
    [existing(1, { name: '改名前' }), existing(2, { name: '冷链', leadUnit: { id: 1, name: '市自然资源局' } }), existing(3, { name: '光伏' })],
    '2026-11-23',
  );
  expect(actions.map((action) => [action.kind, 'id' in action ? action.id : null])).toEqual([
    ['create', null],
    ['update', 1],
    ['update', 2],
    ['unchanged', 3],
  ]);
  expect(actions[1]).toMatchObject({ changes: [{ label: '名称', before: '改名前', after: '改名后' }] });
  expect(actions[2]).toMatchObject({
    changes: [
      { label: '投资', before: '8000万元', after: '1.2亿元' },
      { label: '责任单位', before: '市自然资源局', after: '市商务局' },
    ],
  });
});

it('refuses a project twice in the file, a name two projects share, a terminated project and a signing after the start', () => {
  const actions = planImport(
    [
      row(3, { name: '光伏' }),
      row(4, { name: '光伏' }),
      row(5, { name: '同名' }),
      row(6, { name: '已终止' }),
      row(7, { name: '已开工', signedOn: '2026-09-01' }),
    ],
    [
      existing(1, { name: '同名' }),
      existing(2, { name: '同名' }),
      existing(3, { name: '已终止', service: 'terminated' }),
      existing(4, { name: '已开工', startedOn: '2026-08-01' }),
    ],
    '2026-11-23',
  );
  expect(actions.slice(1).map((action) => (action.kind === 'refused' ? action.reasons[0] : action.kind))).toEqual([
    '与第 3 行是同一个项目',
    '有 2 个项目叫「同名」（P1、P2），请在编号列写明是哪一个',
    'P3 已终止，不能再修改',
    '签约日期 2026-09-01 晚于 P4 的开工日期 2026-08-01',
  ]);
});
