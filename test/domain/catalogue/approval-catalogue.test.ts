import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalCatalogue } from '../../../domain/catalogue/approval-catalogue.js';
import { phases } from '../../../domain/catalogue/approval-phases.js';
import { matchUnit } from '../../../domain/catalogue/match-unit.js';

// The 16 units of 中卫市's roster (004 附件), as a county would type them.
const roster = [
  '市审批服务管理局',
  '市发展和改革委员会',
  '市工业和信息化局',
  '市水务局',
  '市应急管理局',
  '市市场监督管理局',
  '市农业农村局',
  '市商务局',
  '市生态环境局',
  '市旅游和文化体育广电局',
  '市人民防空办公室',
  '市自然资源局',
  '市住房和城乡建设局',
  '市交通运输局',
  '宁夏水投中卫水务公司',
  '国网中卫供电公司',
].map((name, index) => ({ id: index + 1, name }));

describe('approvalCatalogue', () => {
  it('covers all four phases with unique codes and positive promised days', () => {
    expect(new Set(approvalCatalogue.map((item) => item.phase))).toEqual(new Set(phases));
    expect(new Set(approvalCatalogue.map((item) => item.code)).size).toBe(approvalCatalogue.length);
    for (const item of approvalCatalogue) {
      expect(item.promisedDays, item.code).toBeGreaterThan(0);
      expect(item.materials.length, item.code).toBeGreaterThan(0);
    }
  });

  it('names every item the seeds assign to a department (003 一(二)4(3))', () => {
    const names = approvalCatalogue.map((item) => item.name).join('|');
    for (const wanted of [
      '企业投资项目备案',
      '企业投资项目核准',
      '节能审查',
      '建设用地报件审查',
      '国有土地使用权出让审核',
      '建设用地批准',
      '建设用地规划许可证',
      '建设工程规划许可证',
      '建筑工程施工许可证',
      '使用林地审核',
      '环境影响评价',
      '取水许可',
      '洪水影响评价',
      '水土保持方案审批',
    ]) {
      expect(names).toContain(wanted);
    }
  });

  it('finds an owning unit in the 004 roster for every item', () => {
    for (const item of approvalCatalogue) expect(matchUnit(item.units, roster), item.code).toBeDefined();
  });

  it('finds an owning unit in the demo roster shipped with the bot', () => {
    const csv = readFileSync(new URL('../../../bot/roster/demo-roster.csv', import.meta.url), 'utf8');
    const demoUnits = [
      ...new Set(
        csv
          .split(/\r?\n/)
          .slice(1)
          .map((line) => line.split(',')[2])
          .filter(Boolean),
      ),
    ].map((name, index) => ({ id: index, name: name! }));
    for (const item of approvalCatalogue) expect(matchUnit(item.units, demoUnits), item.code).toBeDefined();
  });
});

describe('matchUnit', () => {
  const county = [
    { id: 1, name: '县自然资源局' },
    { id: 2, name: '国网某县供电公司' },
    { id: 3, name: '县林业和草原局' },
  ];

  it('ignores a leading 市/县/区', () => {
    expect(matchUnit(['市自然资源局'], county)?.id).toBe(1);
    expect(matchUnit(['自然资源局'], county)?.id).toBe(1);
  });

  it('prefers an exact unit over a later alternative', () => {
    expect(matchUnit(['林业和草原局', '自然资源局'], county)?.id).toBe(3);
    expect(matchUnit(['林业和草原局', '自然资源局'], roster)?.name).toBe('市自然资源局');
  });

  it('matches a utility by the ending of its name', () => {
    expect(matchUnit(['供电公司'], county)?.id).toBe(2);
  });

  it('finds nothing for a unit the roster lacks', () => {
    expect(matchUnit(['气象局'], county)).toBeUndefined();
  });
});
