// The digests as pure functions of a snapshot, with explicit dates.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { buildDigests } from '../../../domain/schedule/build-digests.js';
import { bottomThreeTwice, rankUnits, scoreProjects } from '../../../domain/schedule/digests/rank-month.js';
import type { ScheduleSnapshot, SnapshotTask } from '../../../domain/schedule/schedule-snapshot.js';
import { snapshotProject } from './snapshot-fixture.js';

const at = (shanghai: string) => new Date(`${shanghai.replace(' ', 'T')}:00+08:00`);
const calendar = createWorkingCalendar();

const project = snapshotProject;

const base: ScheduleSnapshot = {
  people: [
    { id: 1, name: '代办员甲', unitId: 1, roles: ['agent'] },
    { id: 2, name: '代办员乙', unitId: 2, roles: ['agent'] },
    { id: 3, name: '小赵', unitId: null, roles: ['project_office', 'main_leader'] },
    { id: 4, name: '主要领导', unitId: null, roles: ['main_leader'] },
    { id: 10, name: '县领导甲', unitId: null, roles: ['county_leader'] },
    { id: 11, name: '县领导乙', unitId: null, roles: ['county_leader'] },
  ],
  units: [
    { id: 1, name: '自然资源局' },
    { id: 2, name: '住建局' },
  ],
  projects: [project(1), project(2, { leadUnitId: 2, leaderId: 11 }), project(3, { service: 'terminated' })],
  tasks: [],
  problems: [],
  weeklyAnswers: [],
  monthlyReports: [],
};

const run = (
  purpose: Parameters<typeof buildDigests>[0]['purpose'],
  slot: string,
  now: string,
  snapshot: Partial<ScheduleSnapshot> = {},
  previousSlot?: string,
) => buildDigests({ purpose, slot, late: false, previousSlot }, { now: at(now), policy: defaultPolicy, calendar, snapshot: { ...base, ...snapshot } });

describe('Tuesday', () => {
  it("asks each responsible unit's agent about its served projects, and reminds only the silent", () => {
    expect(run('problemsAsk', '2026-W48', '2026-11-24 09:00').digests.map((digest) => [digest.personId, digest.markdown.split('\n')[1]])).toEqual([
      [1, '- P1 项目1 🟢'],
      [2, '- P2 项目2 🟢'],
    ]);
    const reminder = run('problemsReminder', '2026-W48', '2026-11-24 16:00', { weeklyAnswers: [{ projectId: 1, week: '2026-W48', none: true }] });
    expect(reminder.digests.map((digest) => [digest.personId, digest.title])).toEqual([[2, '问题报送提醒']]);
  });
});

describe('Wednesday', () => {
  const problems = [
    {
      id: 5,
      projectId: 1,
      unitId: null,
      description: '土地摘牌未完成',
      suggestion: '',
      category: '用地',
      leaderId: 10,
      state: 'open',
      leaderOpinion: null,
      createdAt: at('2026-11-24 10:00'),
      digestedAt: null,
    },
    {
      id: 6,
      projectId: 2,
      unitId: null,
      description: '施工许可慢',
      suggestion: '提前介入',
      category: '手续',
      leaderId: 11,
      state: 'answered',
      leaderOpinion: null,
      createdAt: at('2026-11-24 11:00'),
      digestedAt: null,
    },
    {
      id: 4,
      projectId: 2,
      unitId: null,
      description: '上周的',
      suggestion: '',
      category: '手续',
      leaderId: 11,
      state: 'open',
      leaderOpinion: null,
      createdAt: at('2026-11-17 11:00'),
      digestedAt: at('2026-11-18 09:00'),
    },
  ];

  it('gives the office everything new by category and leader, and each leader his own', () => {
    const built = run('leaderDigest', '2026-W48', '2026-11-25 09:00', { problems, weeklyAnswers: [{ projectId: 1, week: '2026-W48', none: false }] });
    expect(built.problemIds).toEqual([5, 6]);
    const office = built.digests.find((digest) => digest.personId === 3)!;
    expect(office.markdown).toBe(
      [
        '新问题 2 个（用地 1、手续 1）；无问题 0 个项目；未报 1 个项目。',
        '**用地**',
        '- Q5 P1 项目1 🟢：土地摘牌未完成 · 县领导甲',
        '**手续**',
        '- Q6 P2 项目2 🟢：施工许可慢（建议：提前介入） · 县领导乙',
        '按领导：县领导甲 1、县领导乙 1',
        '未报：P2',
      ].join('\n'),
    );
    expect(built.digests.filter((digest) => digest.personId === 10).map((digest) => digest.markdown.split('\n')[1])).toEqual([
      '- Q5 P1 项目1 🟢：土地摘牌未完成',
    ]);
    expect(built.digests.filter((digest) => digest.personId === 11)).toHaveLength(1);
  });
});

describe('Friday', () => {
  it('says plainly when there is nothing to decide, once per reader', () => {
    const built = run('meeting', '2026-W48', '2026-11-27 08:30');
    expect(built.digests.map((digest) => digest.personId)).toEqual([3, 4]);
    expect(built.digests[0]!.markdown).toBe('提交例会 0 · 超 14 天未解决 0 · 逾期任务 0 · 期限已过项目 0\n本周没有需要例会研究决定的事项。');
  });

  it('lists escalated problems with the opinion, stale ones, overdue tasks and late starts', () => {
    const built = run('meeting', '2026-W48', '2026-11-27 08:30', {
      projects: [project(1, { signedOn: '2026-06-01' })],
      problems: [
        {
          id: 7,
          projectId: 1,
          unitId: null,
          description: '用地指标',
          suggestion: '',
          category: '用地',
          leaderId: 10,
          state: 'escalated',
          leaderOpinion: '请主要领导协调',
          createdAt: at('2026-11-24 10:00'),
          digestedAt: null,
        },
        {
          id: 8,
          projectId: 1,
          unitId: null,
          description: '电力接入',
          suggestion: '',
          category: '配套',
          leaderId: 10,
          state: 'answered',
          leaderOpinion: null,
          createdAt: at('2026-11-10 10:00'),
          digestedAt: null,
        },
      ],
      tasks: [
        {
          id: 9,
          projectId: 1,
          unitId: 1,
          itemName: '环评',
          phase: 1,
          state: 'taken',
          callId: 9,
          postedAt: at('2026-11-02 09:00'),
          takenAt: at('2026-11-02 09:10'),
          ackDueAt: at('2026-11-02 09:30'),
          dueOn: '2026-11-20',
          suspendedAt: null,
          doneAt: null,
        },
      ],
    });
    // Signed 2026-06-01: 90 working days (端午, 中秋 and 国庆 off) end on 2026-10-12.
    expect(built.digests[0]!.markdown.split('\n')).toEqual([
      '提交例会 1 · 超 14 天未解决 1 · 逾期任务 1 · 期限已过项目 1',
      '**县领导提交的问题**',
      '- Q7 P1 项目1 🔴：用地指标 · 县领导甲意见：请主要领导协调',
      '**超过 14 天未解决的问题**',
      '- Q8 P1 项目1 🔴：电力接入（16 天，已答复）',
      '**逾期任务**',
      '- T9 P1 环评 · 自然资源局 · 应于 2026-11-20 办结',
      '**期限已过的项目**',
      '- P1 项目1 🔴 · 开工 2026-10-12',
    ]);
  });
});

describe('开工期限提醒', () => {
  it('names a project 30, 10 and 5 working days before its start deadline, to its unit, leader and office', () => {
    // Signed 2026-06-01: 90 working days end on 2026-10-12.
    const snapshot = { projects: [project(1, { signedOn: '2026-06-01' })] };
    const on = (date: string) => run('deadlines', date, `${date} 09:00`, snapshot).digests;
    const text = '1 个项目临近开工期限：\n- P1 项目1 🟢 · 开工期限 2026-10-12 · 还剩 30 个工作日';
    expect(on('2026-08-25').map((digest) => [digest.personId, digest.markdown])).toEqual([
      [1, text],
      [10, text],
      [3, text],
    ]);
    expect(on('2026-08-26')).toEqual([]);
    // 5 working days across the National Day week: 09-30, 10-08, 10-09, 10-10 (调休), 10-12.
    expect(on('2026-09-29')[0]!.markdown).toBe('1 个项目临近开工期限：\n- P1 项目1 🟢 · 开工期限 2026-10-12 · 还剩 5 个工作日');
  });

  it('catches up a start-deadline mark the bot was down for, on the first run after it, once', () => {
    const snapshot = { projects: [project(1, { signedOn: '2026-06-01' })] };
    // Down on Tuesday 08-25 (30 working days left): Wednesday's run, the last before it Monday's, names it.
    const wednesday = run('deadlines', '2026-08-26', '2026-08-26 09:00', snapshot, '2026-08-24').digests;
    expect(wednesday.map((digest) => [digest.personId, digest.markdown])).toEqual(
      [1, 10, 3].map((id) => [id, '1 个项目临近开工期限：\n- P1 项目1 🟢 · 开工期限 2026-10-12 · 还剩 29 个工作日']),
    );
    expect(run('deadlines', '2026-08-27', '2026-08-27 09:00', snapshot, '2026-08-26').digests).toEqual([]);
    // Down a whole week past the deadline: the week's reminder comes on the first run back.
    expect(run('deadlines', '2026-10-15', '2026-10-15 09:00', snapshot, '2026-10-12').digests[0]!.markdown).toContain('已超过 3 个工作日');
  });

  it('names a project past its start deadline once a week: the 1st, 6th, 11th … working day overdue', () => {
    const snapshot = { projects: [project(1, { signedOn: '2026-06-01' })] };
    const on = (date: string) => run('deadlines', date, `${date} 09:00`, snapshot).digests;
    // Due 10-12 (Monday): 10-13 is the 1st working day over, 10-20 the 6th.
    expect(on('2026-10-13').map((digest) => [digest.personId, digest.title])).toEqual([
      [1, '期限提醒'],
      [10, '期限提醒'],
      [3, '期限提醒'],
    ]);
    expect(on('2026-10-13')[0]!.markdown).toBe('1 项期限已过：\n- P1 项目1 🔴 · 开工期限 2026-10-12 已超过 1 个工作日');
    expect(on('2026-10-14')).toEqual([]);
    expect(on('2026-10-20')[0]!.markdown).toContain('已超过 6 个工作日');
  });

  it("reminds a problem's leader once when it has no first answer 3 days after it was raised (营口, 001)", () => {
    const problem = {
      id: 5,
      projectId: 1,
      unitId: null,
      description: '用地指标不足',
      suggestion: '',
      category: '用地',
      leaderId: 10,
      state: 'open',
      leaderOpinion: null,
      createdAt: at('2026-11-20 10:00'),
      digestedAt: null,
    };
    const on = (date: string, fields = {}) => run('deadlines', date, `${date} 09:00`, { problems: [{ ...problem, ...fields }] }).digests;
    // Raised Friday 11-20: due Monday 11-23 (3 days).
    expect(on('2026-11-20')).toEqual([]);
    expect(on('2026-11-23').map((digest) => [digest.personId, digest.markdown])).toEqual([[10, '1 项期限已过：\n- Q5 P1：用地指标不足 · 3 天未答复']]);
    expect(on('2026-11-24')).toEqual([]);
    expect(on('2026-11-23', { state: 'answered' })).toEqual([]);
  });

  it('reminds the unit the unanswered problem is with, too', () => {
    const problem = {
      id: 5,
      projectId: 1,
      unitId: 1,
      description: '用地指标不足',
      suggestion: '',
      category: '用地',
      leaderId: 10,
      state: 'open',
      leaderOpinion: null,
      createdAt: at('2026-11-20 10:00'),
      digestedAt: null,
    };
    expect(run('deadlines', '2026-11-23', '2026-11-23 09:00', { problems: [problem] }).digests.map((digest) => digest.personId)).toEqual([10, 1]);
  });

  it('tells the window and 重点项目办 once when the team (or then the plan) is a working day late (002 五(三)(四))', () => {
    const people = [...base.people, { id: 6, name: '专窗小李', unitId: null, roles: ['window'] }];
    // Accepted Friday 10-09: the team is due on the 调休 Saturday 10-10; Monday 10-12 is the first day over.
    const accepted = { projects: [project(1, { service: 'accepted', acceptedAt: at('2026-10-09 10:00'), teamFormedAt: null, planMadeAt: null })], people };
    const on = (date: string, snapshot: object) => run('deadlines', date, `${date} 09:00`, snapshot).digests;
    expect(on('2026-10-10', accepted)).toEqual([]);
    const told = on('2026-10-12', accepted);
    expect(told.map((digest) => digest.personId)).toEqual([6, 3]);
    expect(told[0]!.markdown).toBe('1 项期限已过：\n- P1 项目1 🔴 · 组建团队期限 2026-10-10 已过（发送「组建团队 P1」）');
    expect(on('2026-10-13', accepted)).toEqual([]);
    const teamed = {
      projects: [project(1, { service: 'accepted', acceptedAt: at('2026-10-09 10:00'), teamFormedAt: at('2026-10-12 10:00'), planMadeAt: null })],
      people,
    };
    expect(on('2026-10-14', teamed)[0]!.markdown).toBe('1 项期限已过：\n- P1 项目1 🔴 · 制定方案期限 2026-10-13 已过（发送「方案 P1」）');
  });
});

describe('任务期限提醒', () => {
  const task = {
    id: 9,
    projectId: 1,
    unitId: 1,
    itemName: '环评',
    phase: 1,
    state: 'taken',
    callId: 9,
    postedAt: at('2026-09-01 09:00'),
    takenAt: at('2026-09-01 09:10'),
    ackDueAt: at('2026-09-01 09:30'),
    dueOn: '2026-10-09',
    suspendedAt: null,
    doneAt: null,
  };
  const people = [...base.people, { id: 5, name: '责任领导甲', unitId: 1, roles: ['unit_leader'] }];
  const on = (date: string, fields = {}) =>
    run('taskDeadlines', date, `${date} 09:00`, { people, tasks: [{ ...task, ...fields }] }).digests.map((digest) => [
      digest.personId,
      digest.markdown.split('\n')[1],
    ]);

  it('warns the agent the day the task turns yellow, then every working day overdue; 责任领导 from the 3rd, 督办 from the 5th (002 五(六))', () => {
    // Due Friday 10-09: two working days before is 09-30 (10-08 and 10-09 left), across the National Day week.
    expect(on('2026-09-30')).toEqual([[1, '- 🟡 T9 P1 项目1 环评 · 2026-10-09 前办结']]);
    expect(on('2026-10-08')).toEqual([]);
    // The first working day after is the 调休 Saturday 10-10; Sunday 10-11 is off.
    expect(on('2026-10-10')).toEqual([[1, '- 🔴 T9 P1 项目1 环评 · 已超过 2026-10-09 1 个工作日，请尽快办结']]);
    expect(on('2026-10-12')).toEqual([[1, '- 🔴 T9 P1 项目1 环评 · 已超过 2026-10-09 2 个工作日，请尽快办结']]);
    expect(on('2026-10-13')).toEqual([
      [1, '- 🔴 T9 P1 项目1 环评 · 已超过 2026-10-09 3 个工作日，请尽快办结'],
      [5, '- 🔴 T9 P1 项目1 环评 · 已超过 2026-10-09 3 个工作日，请尽快办结'],
    ]);
    // The 5th working day overdue: the project's leader (县领导甲) and 重点项目办 (小赵) too.
    const supervised = '- 🔴 T9 P1 项目1 环评 · 已超过 2026-10-09 5 个工作日（督办），请尽快办结';
    expect(on('2026-10-15')).toEqual([
      [1, supervised],
      [5, supervised],
      [10, supervised],
      [3, supervised],
    ]);
    expect(on('2026-10-10', { state: 'suspended' })).toEqual([]);
    expect(on('2026-10-15', { state: 'done' })).toEqual([]);
  });

  it('counts across the year boundary on the provisional 2027 calendar (元旦 derived)', () => {
    // Due Thursday 2026-12-31; 2027-01-01 is 元旦 and 01-02/01-03 a weekend: Monday 01-04 is the 1st working day over.
    const late = (date: string) => on(date, { dueOn: '2026-12-31' });
    expect(late('2027-01-04')).toEqual([[1, '- 🔴 T9 P1 项目1 环评 · 已超过 2026-12-31 1 个工作日，请尽快办结']]);
    expect(late('2027-01-06')[1]).toEqual([5, '- 🔴 T9 P1 项目1 环评 · 已超过 2026-12-31 3 个工作日，请尽快办结']);
  });
});

describe('the monthly ranking', () => {
  const units = [1, 2, 3, 4, 5].map((id) => ({ id, name: `单位${id}` }));
  const projects = [1, 2, 3, 4, 5].map((id) => project(id, { leadUnitId: id, signedOn: '2026-08-01' }));
  // Units 1 and 2 report investment both months; 3 only in November; 4 and 5 never.
  const monthlyReports = [
    ...[1, 2].flatMap((id) => [
      { projectId: id, month: '2026-10', investmentWan: 1000 * id, progress: '' },
      { projectId: id, month: '2026-11', investmentWan: 1000, progress: '' },
    ]),
    { projectId: 3, month: '2026-11', investmentWan: 5000, progress: '' },
  ];
  const snapshot = { ...base, units, projects, monthlyReports };

  it('ranks units on outcomes and names the bottom three twice in a row', () => {
    const november = rankUnits(snapshot, '2026-11', at('2026-11-23 09:00'), calendar).ranked;
    expect(november.map((score) => [score.unitId, score.place, score.investmentPct])).toEqual([
      [3, 1, 50],
      [2, 2, 30],
      [1, 3, 20],
      [4, 4, 0],
      [5, 4, 0],
    ]);
    expect(bottomThreeTwice(november, rankUnits(snapshot, '2026-10', at('2026-10-22 09:00'), calendar).ranked)).toEqual([4, 5]);
    const message = run('ranking', '2026-11', '2026-11-23 09:00', snapshot).digests[0]!.markdown;
    expect(message).toContain('连续两次排名后三名：单位4、单位5');
  });
});

describe('the monthly ranking counts what units owe (December 2026, January 2027)', () => {
  const names = ['发改委', '农业农村局', '住建局', '生态环境局', '自然资源局', '水利局'];
  const units = names.map((name, index) => ({ id: index + 1, name }));
  // Every project is led by 发改委, whose 月报 say nothing was invested: the seed's measures tie, so what the units did and owe decides.
  const projects = [1, 2, 3, 4, 5, 6, 7].map((id) => project(id, { leadUnitId: 1, signedOn: '2026-10-08' }));
  let id = 0;
  const task = (unitId: number, fields: Partial<SnapshotTask>): SnapshotTask => ({
    id: ++id,
    projectId: 1 + (id % 7),
    unitId,
    callId: id,
    itemName: `事项${id}`,
    phase: 1,
    state: 'taken',
    postedAt: at('2026-11-02 09:00'),
    takenAt: at('2026-11-02 09:20'),
    ackDueAt: at('2026-11-02 09:30'),
    dueOn: '2026-12-15',
    suspendedAt: null,
    doneAt: null,
    ...fields,
  });
  const done = (unitId: number, doneAt: string, dueOn: string) => task(unitId, { state: 'done', doneAt: at(doneAt), dueOn });
  // Cards posted Monday 12-07 17:45, due at the window 12-08 08:50, never taken.
  const untaken = (unitId: number) =>
    task(unitId, { state: 'posted', postedAt: at('2026-12-07 17:45'), takenAt: null, ackDueAt: at('2026-12-08 08:50'), dueOn: null });
  const tasks = [
    done(1, '2026-12-10 10:00', '2026-12-15'),
    done(1, '2026-12-11 10:00', '2026-12-15'),
    done(1, '2027-01-12 10:00', '2027-01-15'),
    ...Array.from({ length: 7 }, () => untaken(2)),
    // 住建局 holds the two most overdue items, and finished nothing.
    task(3, { dueOn: '2026-11-20' }),
    task(3, { dueOn: '2026-11-24' }),
    done(4, '2026-12-14 10:00', '2026-12-15'),
    done(4, '2027-01-13 10:00', '2027-01-15'),
    ...Array.from({ length: 7 }, () => untaken(5)),
  ];
  const people = [...base.people, { id: 6, name: '水利局代办员', unitId: 6, roles: ['agent'] }];
  const monthlyReports = projects.flatMap((each) =>
    ['2026-11', '2026-12', '2027-01'].map((month) => ({ projectId: each.id, month, investmentWan: 0, progress: '' })),
  );
  const snapshot = { ...base, people, units, projects, tasks, monthlyReports };
  const lines = (now: string) => run('ranking', now.slice(0, 7), now, snapshot).digests[0]!.markdown.split('\n');

  it('puts the unit holding the two most overdue items below those that finished on time, and says why', () => {
    const december = lines('2026-12-22 09:00');
    expect(december.filter((line) => /^\d\./.test(line))).toEqual([
      '1. 发改委 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 2/2 · 逾期在办 0 项 · 未报到 0 张 · 办事 2',
      '2. 生态环境局 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 1/1 · 逾期在办 0 项 · 未报到 0 张 · 办事 1',
      '3. 住建局 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 0/0 · 逾期在办 2 项（超 42 个工作日） · 未报到 0 张 · 办事 -9',
      '4. 农业农村局 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 0/0 · 逾期在办 0 项 · 未报到 7 张 · 办事 -14',
      '4. 自然资源局 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 0/0 · 逾期在办 0 项 · 未报到 7 张 · 办事 -14',
    ]);
    // A unit with nothing to rank is listed apart, not scored as perfect.
    expect(december).toContain('本月无考核内容（未排名）：水利局');
  });

  it('names every unit of a tie at the bottom, both months', () => {
    const january = lines('2027-01-22 09:00');
    expect(january.filter((line) => /^\d\./.test(line)).map((line) => line.split(' · ')[0])).toEqual([
      '1. 发改委',
      '1. 生态环境局',
      '3. 住建局',
      '4. 农业农村局',
      '4. 自然资源局',
    ]);
    expect(january).toContain('连续两次排名后三名：住建局、农业农村局、自然资源局');
  });

  it('counts a card taken ten working days late against its unit, though it was taken before the ranking', () => {
    // Posted Monday 12-07 10:00, due at the window 10:30, taken 12-21: the unit was silent two weeks.
    const late = task(5, { postedAt: at('2026-12-07 10:00'), ackDueAt: at('2026-12-07 10:30'), takenAt: at('2026-12-21 10:00'), dueOn: '2027-01-05' });
    const onTime = task(4, { postedAt: at('2026-12-07 10:00'), ackDueAt: at('2026-12-07 10:30'), takenAt: at('2026-12-07 10:10'), dueOn: '2027-01-05' });
    const december = run('ranking', '2026-12', '2026-12-22 09:00', { ...snapshot, tasks: [late, onTime] }).digests[0]!.markdown.split('\n');
    expect(december.filter((line) => /^\d\./.test(line))).toEqual([
      '1. 发改委 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 0/0 · 逾期在办 0 项 · 未报到 0 张 · 办事 0',
      '1. 生态环境局 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 0/0 · 逾期在办 0 项 · 未报到 0 张 · 办事 0',
      '3. 自然资源局 · 开工 0 · 投产 0 · 投资完成 0% · 按时办结 0/0 · 逾期在办 0 项 · 未报到 0 张 · 迟报到 1 张 · 办事 -2',
    ]);
  });
});

describe('the service apart from the stage', () => {
  // P1 service ended with 办结 before 开工; P2 started; P3 terminated; P4 entered the library in October.
  const projects = [
    project(1, { service: 'closed', stage: 'signed', signedOn: '2026-08-03', expectedStartOn: '2026-12-15', targetTasks: '年内开工' }),
    project(2, { stage: 'started', startedOn: '2026-11-10' }),
    project(3, { service: 'terminated', stage: 'signed' }),
    project(4, { service: 'closed', stage: 'enrolled', startedOn: '2026-05-03', producedOn: '2026-09-01', enrolledOn: '2026-10-08' }),
  ];
  const snapshot = { projects };

  it('keeps asking about a project whose service ended before 开工, and lists it to start', () => {
    const asked = run('problemsAsk', '2026-W48', '2026-11-24 09:00', snapshot).digests.flatMap((digest) => digest.markdown.split('\n'));
    expect(asked.filter((line) => line.startsWith('- '))).toEqual(['- P1 项目1 🟢', '- P2 项目2 🟢']);
    const ledger = run('startLedger', '2026-12', '2026-12-03 09:00', snapshot).digests[0]!.markdown.split('\n');
    expect(ledger[0]).toBe('待开工项目 1 个：');
    expect(ledger[1]).toMatch(/^- P1 项目1 .* 开工期限 2026-12-1\d · 预计开工 2026-12-15 · 目标任务：年内开工 · 在办手续 0 项$/);
  });

  it('ranks 开工 recorded in the month, not a terminated project nor one in the library before it', () => {
    expect(scoreProjects({ ...base, projects }, '2026-11').map((score) => [score.projectId, score.started])).toEqual([
      [2, true],
      [1, false],
    ]);
  });
});
