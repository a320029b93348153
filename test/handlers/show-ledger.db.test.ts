// 台账 through the chat: the reply is one line and an XLSX file that opens with the four sheets,
// frozen and filterable Chinese headers, and real dates.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { REGISTER } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  await h.say('window', '方案 P1');
  await h.say('window', '派单 P1 全部');
  await h.say('zrzy.agent', '问题 P1 土地摘牌迟迟未完成');
});
afterEach(async () => {
  await h.close();
});

async function open(content: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(content, 'base64') as unknown as ExcelJS.Buffer);
  return workbook;
}

it('sends 重点项目办 one line and the ledger workbook', async () => {
  const received = await h.say('office', '台账');
  expect(received.map((item) => [item.recipient, item.message.kind])).toEqual([
    ['office', 'text'],
    ['office', 'file'],
  ]);
  const openItems = await h.prisma.task.count({ where: { state: 'posted' } });
  expect(received[0]!.text).toBe(`项目台账：项目 1 个，在办事项 ${openItems} 项，问题 1 个。`);
  const file = received[1]!.message;
  if (file.kind !== 'file') throw new Error('not a file');
  expect(file.name).toBe('项目台账-2026-11-23.xlsx');
  expect(received[1]!.text).toBe('【文件】项目台账-2026-11-23.xlsx');

  const workbook = await open(file.content);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['项目', '在办事项', '问题', '排名 2026-11']);
  for (const sheet of workbook.worksheets) {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
  }
  // Row `row` of a sheet as header → value, as a reader sees it.
  const read = (name: string, row: number) => {
    const sheet = workbook.getWorksheet(name)!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    return Object.fromEntries(headers.map((header, column) => [header, sheet.getRow(row).getCell(column + 1).value]));
  };
  const project = read('项目', 2);
  expect([project['编号'], project['名称'], project['建设内容'], project['投资(万元)']]).toEqual(['P1', '光伏组件项目', '年产 2GW 光伏组件', 35000]);
  // 004 三(一)1: the enterprise's contact and phone.
  expect([project['联系人'], project['电话']]).toEqual(['张三', '13900001111']);
  // The service and the project's own stage apart (docs/domain.md "Project life cycle").
  expect([project['服务'], project['项目阶段']]).toEqual(['审批中', '签约']);
  // 签约日期 2026-11-02 is a real date, not text; the start deadline falls in provisional 2027.
  expect(project['签约日期']).toBeInstanceOf(Date);
  expect((project['签约日期'] as Date).toISOString().slice(0, 10)).toBe('2026-11-02');
  expect(project['开工期限']).toMatch(/^2027-\d\d-\d\d（暂定）$/);
  expect(project['完成投资(万元)']).toBe(0);

  const tasks = workbook.getWorksheet('在办事项')!;
  expect(tasks.rowCount).toBe(1 + openItems);
  expect(read('在办事项', 2)['状态']).toBe('待报到');
  expect(read('在办事项', 2)['阶段']).toBeTruthy();
  expect(read('在办事项', 2)['派单时间']).toBeInstanceOf(Date);
  const problem = read('问题', 2);
  expect(['编号', '项目', '类别', '描述', '责任单位', '包抓领导', '状态'].map((header) => problem[header])).toEqual([
    'Q1',
    'P1 光伏组件项目',
    '用地',
    '土地摘牌迟迟未完成',
    '市自然资源局',
    '县领导甲',
    '待答复',
  ]);
});

it('is for coordinators, 督查中心 and the leaders, not for an agent', async () => {
  for (const reader of ['window', 'inspect', 'leader.main', 'leader.a']) {
    expect(
      (await h.say(reader, '台账')).map((item) => item.message.kind),
      reader,
    ).toEqual(['text', 'file']);
  }
  const refused = await h.say('zrzy.agent', '台账');
  expect(refused.map((item) => item.message.kind)).toEqual(['text']);
  expect(refused[0]!.text).toContain('台账');
});
