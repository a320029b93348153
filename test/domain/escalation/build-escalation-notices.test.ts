import { describe, expect, it } from 'vitest';
import { buildEscalationNotices, CALLS_PER_NOTICE, type FiredCall } from '../../../domain/escalation/build-escalation-notices.js';

const subject = {
  projectId: 3,
  projectName: '光伏组件项目',
  items: [
    { taskId: 7, itemName: '环境影响评价审批' },
    { taskId: 9, itemName: '排污许可' },
  ],
  unitName: '市生态环境局',
  postedAt: '03-04 09:00',
  waited: { minutes: 30 } as { minutes: number } | { workingDays: number },
};
const audience = {
  agents: ['shenqian'],
  unitLeaders: ['yuxin'],
  window: ['luowenhu', 'yuxin'],
  projectLeader: 'county-li',
  projectOffice: ['office-zhang'],
};
/** Every call at one step; 督办 in a chase from the 3rd working day. */
const fire = <R>(step: number, calls: Omit<FiredCall<R>, 'step'>[]) =>
  buildEscalationNotices(
    calls.map((call) => ({ ...call, step })),
    3,
  );
const one = (step: number, s = subject, a: typeof audience | (Omit<typeof audience, 'projectLeader'> & { projectLeader: null }) = audience) =>
  fire(step, [{ callId: 1, subject: s, audience: a }]);

describe('buildEscalationNotices', () => {
  it('step 1 reminds the agent and tells the unit leader and the window, once each', () => {
    const notices = one(1);
    expect(notices.map((notice) => notice.recipient)).toEqual(['shenqian', 'yuxin', 'luowenhu']);
    expect(notices[0]?.text).toBe('提醒：任务 T7 环境影响评价审批、T9 排污许可（P3 光伏组件项目）于 03-04 09:00 派单，已超过 30 分钟未报到，请立即报到。');
    expect(notices[1]?.text).toBe('市生态环境局的任务 T7 环境影响评价审批、T9 排污许可（P3 光伏组件项目）已超过 30 分钟未报到。');
  });

  it('step 2 tells the project leader and 重点项目办 only', () => {
    const notices = one(2, { ...subject, waited: { minutes: 60 } });
    expect(notices.map((notice) => notice.recipient)).toEqual(['county-li', 'office-zhang']);
    expect(notices[0]?.text).toBe('督办：市生态环境局的任务 T7 环境影响评价审批、T9 排污许可（P3 光伏组件项目）派单已超过 60 分钟仍无人报到。');
  });

  it('step 2 without a project leader still tells 重点项目办', () => {
    const notices = one(2, subject, { ...audience, projectLeader: null });
    expect(notices.map((notice) => notice.recipient)).toEqual(['office-zhang']);
  });

  it('tells a person of several calls in one notice, a line per call naming every item', () => {
    const other = { ...subject, projectId: 4, projectName: '储能电站项目', items: [{ taskId: 12, itemName: '取水许可' }], unitName: '市水务局' };
    const notices = fire(1, [
      { callId: 1, subject, audience },
      { callId: 2, subject: other, audience: { ...audience, agents: ['water-agent'], unitLeaders: ['water-leader'] } },
    ]);
    expect(notices.map((notice) => [notice.recipient, notice.callIds])).toEqual([
      ['shenqian', [1]],
      ['yuxin', [1, 2]],
      ['luowenhu', [1, 2]],
      ['water-agent', [2]],
      ['water-leader', [2]],
    ]);
    expect(notices[2]?.text).toBe(
      [
        '以下 2 个任务已超过 30 分钟未报到：',
        '· P3 光伏组件项目，市生态环境局：T7 环境影响评价审批、T9 排污许可（03-04 09:00 派单）',
        '· P4 储能电站项目，市水务局：T12 取水许可（03-04 09:00 派单）',
      ].join('\n'),
    );
    // yuxin is 责任领导 of the first unit and the window for the second: told once, of both.
    expect(notices[1]?.text).toBe(notices[2]?.text);
  });

  it('keeps the reminder and the information apart when one person is agent of one call and window for another', () => {
    const other = { ...subject, projectId: 4, items: [{ taskId: 12, itemName: '取水许可' }], unitName: '市水务局' };
    const [notice] = fire(1, [
      { callId: 1, subject, audience: { ...audience, agents: ['luowenhu'] } },
      { callId: 2, subject: other, audience: { ...audience, agents: ['water-agent'], unitLeaders: [] } },
    ]);
    expect(notice?.recipient).toBe('luowenhu');
    expect(notice?.text.split('\n\n').map((section) => section.split('\n')[0])).toEqual([
      '提醒：以下 1 个任务已超过 30 分钟未报到，请立即报到：',
      '以下 1 个任务已超过 30 分钟未报到：',
    ]);
  });

  it(`lists at most ${CALLS_PER_NOTICE} calls in one notice`, () => {
    const calls = Array.from({ length: CALLS_PER_NOTICE + 1 }, (_, index) => ({
      callId: index + 1,
      subject: { ...subject, items: [{ taskId: 100 + index, itemName: '排污许可' }] },
      audience: { ...audience, agents: [], unitLeaders: [], window: ['luowenhu'] },
    }));
    const notices = fire(1, calls);
    expect(notices.map((notice) => notice.callIds.length)).toEqual([CALLS_PER_NOTICE, 1]);
    expect(notices[1]?.text).toContain('以下 1 个任务');
  });

  it('a morning chase reminds the agent and tells the unit leader, and from the 3rd working day 督办 the leader and 重点项目办', () => {
    const day2 = one(4, { ...subject, waited: { workingDays: 2 } });
    expect(day2.map((notice) => notice.recipient)).toEqual(['shenqian', 'yuxin']);
    expect(day2[0]?.text).toBe('提醒：任务 T7 环境影响评价审批、T9 排污许可（P3 光伏组件项目）于 03-04 09:00 派单，已 2 个工作日未报到，请立即报到。');
    const day3 = one(5, { ...subject, waited: { workingDays: 3 } });
    expect(day3.map((notice) => notice.recipient)).toEqual(['shenqian', 'yuxin', 'county-li', 'office-zhang']);
    expect(day3[2]?.text).toBe('督办：市生态环境局的任务 T7 环境影响评价审批、T9 排污许可（P3 光伏组件项目）派单已 3 个工作日仍无人报到。');
  });
});
