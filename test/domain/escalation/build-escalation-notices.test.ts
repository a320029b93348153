import { describe, expect, it } from 'vitest';
import { buildEscalationNotices } from '../../../domain/escalation/build-escalation-notices.js';

const subject = {
  projectId: 3,
  projectName: '光伏组件项目',
  items: [
    { taskId: 7, itemName: '环境影响评价审批' },
    { taskId: 9, itemName: '排污许可' },
  ],
  unitName: '市生态环境局',
  postedAt: '09:00',
  minutes: 30,
};
const audience = {
  agents: ['shenqian'],
  unitLeaders: ['yuxin'],
  window: ['luowenhu', 'yuxin'],
  projectLeader: 'county-li',
  projectOffice: ['office-zhang'],
};

describe('buildEscalationNotices', () => {
  it('step 1 reminds the agent and tells the unit leader and the window, once each', () => {
    const notices = buildEscalationNotices(1, subject, audience);
    expect(notices.map((notice) => notice.recipient)).toEqual(['shenqian', 'yuxin', 'luowenhu']);
    expect(notices[0]?.text).toContain('请立即报到');
    expect(notices[1]?.text).toContain('市生态环境局');
  });

  it('names every item of the call in one notice', () => {
    const [reminder] = buildEscalationNotices(1, subject, audience);
    expect(reminder?.text).toContain('T7 环境影响评价审批、T9 排污许可');
  });

  it('step 2 tells the project leader and 重点项目办 only', () => {
    const notices = buildEscalationNotices(2, { ...subject, minutes: 60 }, audience);
    expect(notices.map((notice) => notice.recipient)).toEqual(['county-li', 'office-zhang']);
    expect(notices[0]?.text).toContain('60 分钟');
  });

  it('step 2 without a project leader still tells 重点项目办', () => {
    const notices = buildEscalationNotices(2, subject, { ...audience, projectLeader: null });
    expect(notices.map((notice) => notice.recipient)).toEqual(['office-zhang']);
  });
});
