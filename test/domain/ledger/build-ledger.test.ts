// 台账 as sheets: the rows a reader of the workbook sees, from explicit data and an explicit clock.
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../../domain/ledger/build-ledger.js';
import { context, data } from './ledger-fixture.js';

describe('buildLedger', () => {
  const ledger = buildLedger(data, context);
  const sheet = (name: string) => ledger.sheets.find((item) => item.name === name)!;
  const table = (name: string) => sheet(name).rows.map((row) => Object.fromEntries(sheet(name).columns.map((column, index) => [column.header, row[index]])));

  it('names the file after the Shanghai day and has the four sheets', () => {
    expect(ledger.fileName).toBe('项目台账-2026-11-23.xlsx');
    expect(ledger.sheets.map((item) => item.name)).toEqual(['项目', '在办事项', '问题', '排名 2026-11']);
  });

  it('lists every project in number order with the 003 fields, Chinese stage and its worst light', () => {
    expect(sheet('项目').columns.map((column) => column.header)).toEqual([
      '编号',
      '名称',
      '建设内容',
      '投资(万元)',
      '行业',
      '责任单位',
      '实施企业',
      '联系人',
      '电话',
      '包抓领导',
      '目标任务',
      '时间节点',
      '服务',
      '项目阶段',
      '签约日期',
      '土地摘牌日期',
      '预计开工',
      '开工期限',
      '开工日期',
      '投产日期',
      '入库日期',
      '完成投资(万元)',
      '灯',
    ]);
    expect(table('项目')).toEqual([
      {
        编号: 'P1',
        名称: '光伏组件项目',
        建设内容: '年产 2GW 光伏组件',
        '投资(万元)': 35000,
        行业: '新能源',
        责任单位: '市工业和信息化局',
        实施企业: '某某新能源公司',
        联系人: '张三',
        电话: '13900001111',
        包抓领导: '县领导甲',
        目标任务: null,
        时间节点: null,
        服务: '审批中',
        项目阶段: '开工',
        签约日期: '2026-06-02',
        土地摘牌日期: '2026-07-15',
        预计开工: null,
        开工期限: null,
        开工日期: '2026-09-01',
        投产日期: null,
        入库日期: null,
        '完成投资(万元)': 8000,
        灯: '黄',
      },
      {
        编号: 'P2',
        名称: '饲料加工项目',
        建设内容: null,
        '投资(万元)': 8000,
        行业: null,
        责任单位: '市自然资源局',
        实施企业: null,
        联系人: null,
        电话: null,
        包抓领导: '县领导乙',
        目标任务: '年内开工',
        时间节点: '12月底前摘牌',
        服务: '审批中',
        项目阶段: '签约',
        签约日期: '2026-11-02',
        土地摘牌日期: null,
        预计开工: '2026-12-15',
        // 90 working days after 2026-11-02 end in 2027, whose official schedule is not out yet.
        开工期限: expect.stringMatching(/^2027-03-\d\d（暂定）$/),
        开工日期: null,
        投产日期: null,
        入库日期: null,
        '完成投资(万元)': 0,
        灯: '红',
      },
    ]);
  });

  it('lists only open task cards, with Shanghai times and their lights', () => {
    expect(table('在办事项')).toEqual([
      {
        编号: 'T3',
        项目: 'P2 饲料加工项目',
        事项: '环境影响评价',
        阶段: '立项用地规划许可',
        单位: '市生态环境局',
        状态: '待报到',
        派单时间: '2026-11-23 08:00',
        报到期限: '2026-11-23 08:30',
        办结期限: null,
        灯: '红',
      },
      {
        编号: 'T5',
        项目: 'P1 光伏组件项目',
        事项: '建设工程规划许可证',
        阶段: '工程建设许可',
        单位: '市自然资源局',
        状态: '办理中',
        派单时间: '2026-11-16 09:05',
        报到期限: '2026-11-16 09:35',
        办结期限: '2026-11-24',
        灯: '黄',
      },
    ]);
  });

  it('lists problems with their state and the weeks they have been open (to 销号)', () => {
    expect(table('问题')).toEqual([
      {
        编号: 'Q1',
        项目: 'P2 饲料加工项目',
        类别: '用地',
        描述: '土地摘牌未完成',
        建议: '协调自然资源局加快挂牌',
        答复: '已报市局，预计12月挂牌\n挂牌公告已发布',
        领导意见: '请主要领导协调用地指标',
        责任单位: '市自然资源局',
        包抓领导: '县领导乙',
        状态: '待答复',
        提出日期: '2026-11-10',
        周数: 2,
      },
      {
        编号: 'Q2',
        项目: 'P1 光伏组件项目',
        类别: '配套',
        描述: '施工用电未接入',
        建议: null,
        答复: null,
        领导意见: null,
        责任单位: '市工业和信息化局',
        包抓领导: '县领导甲',
        状态: '已销号',
        提出日期: '2026-11-02',
        周数: 1,
      },
    ]);
  });

  it("ranks the month's units as the 22nd's digest does, and lists the units with nothing to rank apart", () => {
    expect(sheet('排名 2026-11').rows).toEqual([
      ['1', '市发展和改革委员会', 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1],
      ['1', '市工业和信息化局', 0, 0, 22.9, 0, 0, 0, 0, 0, 0, 0, 0],
      // It leads a project with no 月报 for the month.
      ['3', '市自然资源局', 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1],
      ['3', '市生态环境局', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, -1],
      ['未排名', '市水务局', null, null, null, null, null, null, null, null, null, null, null],
    ]);
  });

  it('marks the date columns so the workbook writes real dates', () => {
    expect(
      sheet('在办事项')
        .columns.filter((column) => column.format !== 'text')
        .map((column) => [column.header, column.format]),
    ).toEqual([
      ['派单时间', 'datetime'],
      ['报到期限', 'datetime'],
      ['办结期限', 'date'],
    ]);
  });
});
