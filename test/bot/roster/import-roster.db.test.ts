import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';

const dir = mkdtempSync(join(tmpdir(), 'xmgj-roster-'));
const header = ['姓名', '企业微信账号', '单位', '角色', '手机', '钉钉账号'];

function csv(name: string, rows: string[][]): string {
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].map((row) => row.join(',')).join('\n'));
  return path;
}

describe('roster import', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('loads good rows, reports each bad row by its line, and merges 市/县 unit names', async () => {
    const file = csv('roster.csv', [
      ['周某', 'zhou', '县自然资源局', '代办员', '13812345678', ''],
      ['', 'nobody', '县住建局', '代办员', '', ''],
      ['陈某', 'chen', '市自然资源局', '责任领导、县领导', '', 'ding-chen'],
      ['吴某', 'wu', '县发改委', '局长', '', ''],
      ['郑某', 'zheng', '县发改委', '代办员', '1381234', ''],
    ]);
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report.loaded).toBe(2);
    expect(report.problems).toEqual([
      { line: 3, reason: '缺少姓名' },
      { line: 5, reason: '未知角色：局长' },
      { line: 6, reason: '手机号应为 11 位' },
    ]);
    const people = await database.prisma.person.findMany({ where: { userid: { in: ['zhou', 'chen'] } }, include: { unit: true }, orderBy: { userid: 'asc' } });
    expect(people.map((person) => [person.userid, person.unit?.key, person.roles])).toEqual([
      ['chen', '自然资源局', ['unit_leader', 'county_leader']],
      ['zhou', '自然资源局', ['agent']],
    ]);
  });

  it('reads XLSX and deactivates people missing from a later roster', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([header, ['周某', 'zhou', '县自然资源局', '代办员', '13812345678', '']]);
    const file = join(dir, 'later.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report).toMatchObject({ loaded: 1, problems: [] });
    const chen = await database.prisma.person.findUniqueOrThrow({ where: { userid: 'chen' } });
    expect(chen.active).toBe(false);
    expect(await database.prisma.event.count({ where: { kind: 'roster.imported' } })).toBe(2);
  });

  it('keeps the WeCom userid that 同步通讯录 found by mobile when the same roster loads again', async () => {
    const file = csv('again.csv', [['周某', 'zhou', '县自然资源局', '代办员', '13812345678', '']]);
    await database.prisma.person.update({ where: { userid: 'zhou' }, data: { userid: 'ZhouWei' } });
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report.deactivated).toBe(0);
    const people = await database.prisma.person.findMany({ where: { mobile: '13812345678' } });
    expect(people.map((person) => [person.userid, person.active])).toEqual([['ZhouWei', true]]);
  });
});
