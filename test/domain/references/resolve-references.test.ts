import { describe, expect, it } from 'vitest';
import { parseNumberRef } from '../../../domain/references/parse-number-ref.js';
import { resolveCatalogueItem } from '../../../domain/references/resolve-catalogue-item.js';
import { describeCandidates, resolveProjectRef } from '../../../domain/references/resolve-project-ref.js';

const projects = [
  { id: 3, name: '光伏组件项目' },
  { id: 7, name: '光伏电站项目' },
  { id: 12, name: '风电装备制造项目' },
];

describe('resolveProjectRef', () => {
  it('finds a project by P-number or bare number', () => {
    expect(resolveProjectRef('P12', projects)).toEqual({ ok: true, value: projects[2] });
    expect(resolveProjectRef('p3', projects)).toEqual({ ok: true, value: projects[0] });
    expect(resolveProjectRef('12', projects)).toEqual({ ok: true, value: projects[2] });
  });

  it('finds a project by a unique part of its name', () => {
    expect(resolveProjectRef('风电', projects)).toEqual({ ok: true, value: projects[2] });
  });

  it('lists the candidates for an ambiguous name', () => {
    const resolved = resolveProjectRef('光伏', projects);
    expect(resolved).toEqual({ ok: false, code: 'AMBIGUOUS', candidates: [projects[0], projects[1]] });
    expect(describeCandidates([projects[0]!, projects[1]!], '进度')).toContain('1. P3 光伏组件项目\n2. P7 光伏电站项目');
  });

  it('says not found for a number outside the visible set, like one that does not exist', () => {
    expect(resolveProjectRef('P99', projects)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('parseNumberRef', () => {
  it('reads T-numbers and full-width digits, and nothing else', () => {
    expect(parseNumberRef('T34', 'T')).toBe(34);
    expect(parseNumberRef('３４', 'T')).toBe(34);
    expect(parseNumberRef('P34', 'T')).toBeUndefined();
    expect(parseNumberRef('0', 'T')).toBeUndefined();
  });
});

describe('resolveCatalogueItem', () => {
  const items = [
    { code: 'HB-01', name: '环境影响评价审批', aliases: ['环评'] },
    { code: 'ZRZY-05', name: '建设用地规划许可证', aliases: [] },
    { code: 'ZRZY-06', name: '建设工程规划许可证', aliases: [] },
  ];

  it('finds an item by code, alias or unique name part', () => {
    expect(resolveCatalogueItem('hb-01', items)).toMatchObject({ ok: true, value: { code: 'HB-01' } });
    expect(resolveCatalogueItem('环评', items)).toMatchObject({ ok: true, value: { code: 'HB-01' } });
    expect(resolveCatalogueItem('用地规划', items)).toMatchObject({ ok: true, value: { code: 'ZRZY-05' } });
  });

  it('refuses to guess between two matching items', () => {
    expect(resolveCatalogueItem('规划许可', items)).toMatchObject({ ok: false, code: 'AMBIGUOUS' });
  });
});
