import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importRoster } from '../../../bot/roster/import-roster.js';
import { readRosterFile } from '../../../bot/roster/read-roster-file.js';
import type { Db, Database } from '../../../prisma/open-database.js';
import { findPerson } from '../../support/find-person.js';
import { DEMO_ROSTER } from '../../support/harness.js';
import { openTestDatabase } from '../../support/test-database.js';

const dir = mkdtempSync(join(tmpdir(), 'xmgj-roster-'));
const header = ['姓名', '企业微信账号', '单位', '角色', '手机', '钉钉账号'];

function csv(name: string, rows: string[][], columns = header): string {
  const path = join(dir, name);
  writeFileSync(path, [columns, ...rows].map((row) => row.join(',')).join('\n'));
  return path;
}

/** Each person's accounts as `platform:account`, sorted, by name. */
async function accountsByName(prisma: Db): Promise<Record<string, string[]>> {
  const people = await prisma.person.findMany({ include: { accounts: true }, orderBy: { name: 'asc' } });
  return Object.fromEntries(people.map((person) => [person.name, person.accounts.map((account) => `${account.platform}:${account.account}`).sort()]));
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
    const people = await database.prisma.person.findMany({ include: { unit: true }, orderBy: { name: 'asc' } });
    expect(people.map((person) => [person.name, person.unit?.key, person.roles])).toEqual([
      ['周某', '自然资源局', ['agent']],
      ['陈某', '自然资源局', ['unit_leader', 'county_leader']],
    ]);
    // 企业微信账号 gives a WeCom and a local-chat account; 钉钉账号 a DingTalk one.
    expect(await accountsByName(database.prisma)).toEqual({
      周某: ['local:zhou', 'wecom:zhou'],
      陈某: ['dingtalk:ding-chen', 'local:chen', 'wecom:chen'],
    });
  });

  it('reads XLSX and deactivates people missing from a later roster', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([header, ['周某', 'zhou', '县自然资源局', '代办员', '13812345678', '']]);
    const file = join(dir, 'later.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report).toMatchObject({ loaded: 1, problems: [] });
    expect((await findPerson(database.prisma, 'chen', 'wecom')).active).toBe(false);
    // Reachable on DingTalk too, and still the same (inactive) person there.
    expect((await findPerson(database.prisma, 'ding-chen', 'dingtalk')).active).toBe(false);
    expect(await database.prisma.event.count({ where: { kind: 'roster.imported' } })).toBe(2);
  });

  it('keeps the WeCom account that 同步通讯录 found by mobile when the same roster loads again', async () => {
    const file = csv('again.csv', [['周某', 'zhou', '县自然资源局', '代办员', '13812345678', '']]);
    // The directory sync found 周某's real WeCom userid by mobile and corrected the account.
    await database.prisma.account.update({ where: { platform_account: { platform: 'wecom', account: 'zhou' } }, data: { account: 'ZhouWei' } });
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report.deactivated).toBe(0);
    const people = await database.prisma.person.findMany({ where: { mobile: '13812345678' }, include: { accounts: true } });
    expect(people.map((person) => [person.accounts.map((account) => `${account.platform}:${account.account}`).sort(), person.active])).toEqual([
      [['local:zhou', 'wecom:ZhouWei'], true],
    ]);
  });
});

describe('roster import for DingTalk, for bad rows, and at once', () => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('loads a roster with only 钉钉账号 (no 企业微信账号 column), giving DingTalk and local-chat accounts', async () => {
    const file = csv(
      'dingtalk.csv',
      [
        ['周某', '县自然资源局', '代办员', '13812345678', 'zhou.zrzy'],
        ['陈某', '县自然资源局', '责任领导', '', '0356123'],
      ],
      ['姓名', '单位', '角色', '手机', '钉钉账号'],
    );
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report).toEqual({ loaded: 2, deactivated: 0, problems: [] });
    expect(await accountsByName(database.prisma)).toEqual({
      周某: ['dingtalk:zhou.zrzy', 'local:zhou.zrzy'],
      陈某: ['dingtalk:0356123', 'local:0356123'],
    });
    expect(await database.prisma.account.count({ where: { platform: 'wecom' } })).toBe(0);
  });

  it('refuses a row with neither 企业微信账号 nor 钉钉账号, naming its line, and loads the others', async () => {
    const file = csv('no-account.csv', [
      ['周某', 'zhou', '县自然资源局', '代办员', '', ''],
      ['无账号', '', '县自然资源局', '代办员', '13812345678', ''],
      ['陈某', '', '县自然资源局', '责任领导', '', 'ding-chen'],
    ]);
    const report = await importRoster(database.prisma, await readRosterFile(file));
    expect(report.loaded).toBe(2);
    expect(report.problems).toEqual([{ line: 3, reason: '企业微信账号和钉钉账号至少填一个' }]);
    expect(Object.keys(await accountsByName(database.prisma)).sort()).toEqual(['周某', '陈某'].sort());
  });

  it('runs three imports started at once (three instances starting) to the end, each person once', async () => {
    const rows = await readRosterFile(DEMO_ROSTER);
    const reports = await Promise.all([importRoster(database.prisma, rows), importRoster(database.prisma, rows), importRoster(database.prisma, rows)]);
    expect(reports.map((report) => [report.loaded, report.problems])).toEqual([
      [rows.length, []],
      [rows.length, []],
      [rows.length, []],
    ]);
    expect(await database.prisma.person.count()).toBe(rows.length);
    expect(await database.prisma.person.count({ where: { active: true } })).toBe(rows.length);
    // Two accounts each (WeCom and local chat), none doubled or lost.
    expect(await database.prisma.account.count()).toBe(rows.length * 2);
    const names = (await database.prisma.person.findMany({ select: { name: true } })).map((person) => person.name);
    expect(new Set(names).size).toBe(rows.length);
    expect(await database.prisma.event.count({ where: { kind: 'roster.imported' } })).toBe(3);
  });
});
