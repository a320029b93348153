// Every date the digests show that falls in (or is counted through) provisional 2027 carries （暂定）:
// 开工期限提醒, 期限提醒, 拟开工台账, 任务交办, 任务期限提醒 and the 周例会 agenda (docs/domain.md "Working days
// and the calendar"). Explicit dates; 2027 is not entered.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { buildDigests } from '../../../domain/schedule/build-digests.js';
import type { ScheduleSnapshot, SnapshotTask } from '../../../domain/schedule/schedule-snapshot.js';
import { snapshotProject } from './snapshot-fixture.js';

const at = (shanghai: string) => new Date(`${shanghai.replace(' ', 'T')}:00+08:00`);

// Signed 2026-11-02: 90 working days end on Monday 2027-03-15 (春节 02-05…02-08 and 第六条's 02-09/10 off).
const project = snapshotProject(1);

// Taken Wednesday 2026-12-30, promised in 3 working days: 12-31, (元旦 01-01 derived) 01-04, 01-06 → 2027-01-06.
const task: SnapshotTask = {
  id: 9,
  projectId: 1,
  unitId: 1,
  itemName: '环评',
  phase: 1,
  state: 'taken',
  callId: 9,
  postedAt: at('2026-12-30 09:00'),
  takenAt: at('2026-12-30 09:10'),
  ackDueAt: at('2026-12-30 09:30'),
  dueOn: '2027-01-06',
  suspendedAt: null,
  doneAt: null,
};

const snapshot: ScheduleSnapshot = {
  people: [
    { id: 1, name: '代办员甲', unitId: 1, roles: ['agent'] },
    { id: 3, name: '小赵', unitId: null, roles: ['project_office', 'main_leader'] },
    { id: 6, name: '专窗小李', unitId: null, roles: ['window'] },
    { id: 10, name: '县领导甲', unitId: null, roles: ['county_leader'] },
  ],
  units: [{ id: 1, name: '自然资源局' }],
  projects: [project],
  tasks: [],
  problems: [],
  weeklyAnswers: [],
  monthlyReports: [],
};

const run = (purpose: Parameters<typeof buildDigests>[0]['purpose'], slot: string, now: string, fields: Partial<ScheduleSnapshot> = {}) =>
  buildDigests({ purpose, slot, late: false }, { now: at(now), policy: defaultPolicy, calendar: createWorkingCalendar(), snapshot: { ...snapshot, ...fields } })
    .digests;

describe('（暂定） on 2027 dates in the digests', () => {
  it('开工期限提醒 and 期限提醒: the start deadline, coming and past', () => {
    expect(run('deadlines', '2027-01-26', '2027-01-26 09:00')[0]!.markdown).toBe(
      '1 个项目临近开工期限：\n- P1 项目1 🟢 · 开工期限 2027-03-15（暂定） · 还剩 30 个工作日',
    );
    expect(run('deadlines', '2027-03-16', '2027-03-16 09:00')[0]!.markdown).toBe(
      '1 项期限已过：\n- P1 项目1 🔴 · 开工期限 2027-03-15（暂定） 已超过 1 个工作日',
    );
  });

  it('期限提醒: a team due in 2027 and not formed', () => {
    // Accepted Thursday 2026-12-31: the team is due Monday 2027-01-04 (元旦 derived); 01-05 is the first day over.
    const accepted = [{ ...project, service: 'accepted', acceptedAt: at('2026-12-31 10:00') }];
    expect(run('deadlines', '2027-01-05', '2027-01-05 09:00', { projects: accepted })[0]!.markdown).toBe(
      '1 项期限已过：\n- P1 项目1 🔴 · 组建团队期限 2027-01-04（暂定） 已过（发送「组建团队 P1」）',
    );
  });

  it('拟开工台账 shows the start deadline with its mark', () => {
    const [ledger] = run('startLedger', '2026-12', '2026-12-03 09:00');
    expect(ledger!.markdown.split('\n')[1]).toBe('- P1 项目1 🟢 · 县领导甲 · 自然资源局 · 开工期限 2027-03-15（暂定） · 在办手续 0 项');
  });

  it('任务交办, 任务期限提醒 and the 周例会 agenda show the promised date with its mark', () => {
    const tasks = [task];
    expect(run('assignment', '2027-01', '2027-01-05 09:00', { tasks })[0]!.markdown.split('\n')[1]).toBe('- T9 P1 环评 🟡 · 2027-01-06（暂定） 前办结');
    expect(run('taskDeadlines', '2027-01-04', '2027-01-04 09:00', { tasks })[0]!.markdown.split('\n')[1]).toBe(
      '- 🟡 T9 P1 项目1 环评 · 2027-01-06（暂定） 前办结',
    );
    expect(run('taskDeadlines', '2027-01-07', '2027-01-07 09:00', { tasks })[0]!.markdown.split('\n')[1]).toBe(
      '- 🔴 T9 P1 项目1 环评 · 已超过 2027-01-06（暂定） 1 个工作日，请尽快办结',
    );
    expect(run('meeting', '2027-W01', '2027-01-08 08:30', { tasks })[0]!.markdown).toContain('- T9 P1 环评 · 自然资源局 · 应于 2027-01-06（暂定） 办结');
  });
});
