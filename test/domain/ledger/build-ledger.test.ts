// 台账 as sheets: the rows a reader of the workbook sees, from explicit data and an explicit clock.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { buildLedger, type LedgerData, type LedgerProject } from '../../../domain/ledger/build-ledger.js';
import { defaultPolicy } from '../../../domain/policy.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
// Monday 2026-11-23, 10:00 in Shanghai.
const context = { now: at('2026-11-23T10:00:00'), policy: defaultPolicy, calendar: createWorkingCalendar() };

const project = (fields: Partial<LedgerProject> & Pick<LedgerProject, 'id' | 'name' | 'stage' | 'service'>): LedgerProject => ({
  content: '',
  targetTasks: '',
  timeNodes: '',
  expectedStartOn: null,
  enrolledOn: null,
  investmentWan: 0,
  industry: '',
  enterprise: '',
  leadUnit: null,
  leader: null,
  signedOn: null,
  landListedOn: null,
  startedOn: null,
  producedOn: null,
  acceptedAt: null,
  teamFormedAt: null,
  planMadeAt: null,
  ...fields,
});

const data: LedgerData = {
  projects: [
    project({
      id: 2,
      name: '饲料加工项目',
      stage: 'signed',
      service: 'approving',
      targetTasks: '年内开工',
      timeNodes: '12月底前摘牌',
      expectedStartOn: '2026-12-15',
      investmentWan: 8000,
      leadUnit: '市自然资源局',
      leader: '县领导乙',
      signedOn: '2026-11-02',
      acceptedAt: at('2026-11-03T10:00:00'),
      teamFormedAt: at('2026-11-03T15:00:00'),
      planMadeAt: at('2026-11-04T09:00:00'),
    }),
    project({
      id: 1,
      name: '光伏组件项目',
      content: '年产 2GW 光伏组件',
      investmentWan: 35000,
      industry: '新能源',
      enterprise: '某某新能源公司',
      leadUnit: '市工业和信息化局',
      leader: '县领导甲',
      stage: 'started',
      service: 'approving',
      signedOn: '2026-06-02',
      landListedOn: '2026-07-15',
      startedOn: '2026-09-01',
    }),
  ],
  tasks: [
    // Taken, due tomorrow: within two working days, yellow.
    {
      id: 5,
      projectId: 1,
      itemName: '建设工程规划许可证',
      unit: '市自然资源局',
      state: 'taken',
      postedAt: at('2026-11-16T09:05:00'),
      ackDueAt: at('2026-11-16T09:35:00'),
      dueOn: '2026-11-24',
      suspendedAt: null,
    },
    // Waiting past its report time: red.
    {
      id: 3,
      projectId: 2,
      itemName: '环境影响评价',
      unit: '市生态环境局',
      state: 'posted',
      postedAt: at('2026-11-23T08:00:00'),
      ackDueAt: at('2026-11-23T08:30:00'),
      dueOn: null,
      suspendedAt: null,
    },
    // Finished: not an open item.
    {
      id: 4,
      projectId: 2,
      itemName: '节能审查',
      unit: '市发展和改革委员会',
      state: 'done',
      postedAt: at('2026-11-05T09:00:00'),
      ackDueAt: at('2026-11-05T09:30:00'),
      dueOn: '2026-11-10',
      suspendedAt: null,
    },
  ],
  problems: [
    {
      id: 1,
      projectId: 2,
      category: '用地',
      description: '土地摘牌未完成',
      unit: '市自然资源局',
      leader: '县领导乙',
      state: 'open',
      createdAt: at('2026-11-10T10:00:00'),
      closedAt: null,
    },
    {
      id: 2,
      projectId: 1,
      category: '配套',
      description: '施工用电未接入',
      unit: '市工业和信息化局',
      leader: '县领导甲',
      state: 'closed',
      createdAt: at('2026-11-02T10:00:00'),
      closedAt: at('2026-11-05T10:00:00'),
    },
  ],
};

describe('buildLedger', () => {
  const ledger = buildLedger(data, context);
  const sheet = (name: string) => ledger.sheets.find((item) => item.name === name)!;
  const table = (name: string) => sheet(name).rows.map((row) => Object.fromEntries(sheet(name).columns.map((column, index) => [column.header, row[index]])));

  it('names the file after the Shanghai day and has the three sheets', () => {
    expect(ledger.fileName).toBe('项目台账-2026-11-23.xlsx');
    expect(ledger.sheets.map((item) => item.name)).toEqual(['项目', '在办事项', '问题']);
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
      '包抓领导',
      '目标任务',
      '时间节点',
      '服务',
      '项目阶段',
      '签约日期',
      '土地摘牌日期',
      '预计开工',
      '开工日期',
      '投产日期',
      '入库日期',
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
        包抓领导: '县领导甲',
        目标任务: null,
        时间节点: null,
        服务: '审批中',
        项目阶段: '开工',
        签约日期: '2026-06-02',
        土地摘牌日期: '2026-07-15',
        预计开工: null,
        开工日期: '2026-09-01',
        投产日期: null,
        入库日期: null,
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
        包抓领导: '县领导乙',
        目标任务: '年内开工',
        时间节点: '12月底前摘牌',
        服务: '审批中',
        项目阶段: '签约',
        签约日期: '2026-11-02',
        土地摘牌日期: null,
        预计开工: '2026-12-15',
        开工日期: null,
        投产日期: null,
        入库日期: null,
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
        责任单位: '市工业和信息化局',
        包抓领导: '县领导甲',
        状态: '已销号',
        提出日期: '2026-11-02',
        周数: 1,
      },
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
