// 投诉 (001 投产 二(五)2; 002 六(二)): an enterprise contact's complaint reaches 重点项目办 and the project's
// 包抓领导 with a deadline of ratingComplaintWorkingDays working days; 答复投诉 sends the answer to the
// contact; unanswered, the answerers are reminded on the last day and 督查中心 told the next working
// morning, once each; all of it in 档案.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import type { Received } from '../support/recording-messenger.js';
import { REGISTER, register } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.say('ent.zhang', `绑定 ${await register(h)}`);
});
afterEach(async () => {
  await h.close();
});

const replyTo = (account: string, received: Received[]) => received.find((item) => item.recipient === account && item.reply)?.text;
const lines = (received: Received[]) => received.map((item) => `${item.recipient}: ${item.text}`);

/** One pass of the schedules (complaints are chased with them) and delivery; returns what was sent. */
async function runSchedules(): Promise<Received[]> {
  const before = h.messenger.received.length;
  await h.app.runSchedules();
  await h.app.deliver();
  return h.messenger.received.slice(before).filter((item) => /投诉/.test(item.text));
}

describe('投诉', () => {
  it('reaches 重点项目办 and the 包抓领导 with the reply deadline, and the answer reaches the enterprise', async () => {
    const filed = await h.say('ent.zhang', '投诉 自然资源局要求的材料反复变化');
    // 2026-11-23 (Mon) + 7 working days = 2026-12-02 (Wed).
    const notice = '【企业投诉】C1 P1 光伏组件项目，企业联络员张三：自然资源局要求的材料反复变化\n请于 2026-12-02 前书面答复，发「答复投诉 C1 答复内容」。';
    expect(lines(filed)).toEqual([`office: ${notice}`, `leader.a: ${notice}`, 'ent.zhang: 已收到投诉 C1（P1 光伏组件项目），将于 2026-12-02 前书面答复你。']);

    const answered = await h.say('leader.a', '答复投诉 C1：已约谈自然资源局，材料清单以一次性告知为准');
    expect(lines(answered)).toEqual([
      'ent.zhang: 【投诉答复】你对 P1 光伏组件项目 的投诉 C1，县领导甲答复：已约谈自然资源局，材料清单以一次性告知为准',
      'office: 投诉 C1（P1 光伏组件项目）已由县领导甲答复：已约谈自然资源局，材料清单以一次性告知为准',
      'leader.a: 投诉 C1 已答复，答复已发给企业联络员张三。',
    ]);
    expect(replyTo('office', await h.say('office', '答复投诉 C1 补充'))).toMatch(/^投诉 C1 已于 11-23 10:00 由县领导甲答复，无需再答复。$/);

    // Answered in time: nobody is reminded or escalated.
    h.clock.set('2026-12-03T09:30:00+08:00');
    expect(await runSchedules()).toEqual([]);

    const archive = (await h.say('window', '档案 P1')).at(-1)?.text ?? '';
    expect(archive).toContain('投诉 C1：自然资源局要求的材料反复变化（限 2026-12-02 前书面答复）');
    expect(archive).toContain('答复投诉 C1：已约谈自然资源局，材料清单以一次性告知为准');
    expect(archive).toContain('送达企业：【投诉答复】你对 P1 光伏组件项目 的投诉 C1');
  });

  it('unanswered, reminds the answerers on the last day and tells 督查中心 the next working morning, once each', async () => {
    await h.say('ent.zhang', '投诉 审批拖延');
    h.clock.set('2026-12-02T08:55:00+08:00');
    expect(await runSchedules()).toEqual([]);
    h.clock.set('2026-12-02T09:01:00+08:00');
    const reminder = '【投诉答复提醒】C1 P1 光伏组件项目 的企业投诉今天 2026-12-02 到期，尚未答复。答复请发「答复投诉 C1 答复内容」。';
    expect(lines(await runSchedules())).toEqual([`office: ${reminder}`, `leader.a: ${reminder}`]);
    h.clock.advanceMinutes(60);
    expect(await runSchedules()).toEqual([]);

    h.clock.set('2026-12-03T08:59:00+08:00');
    expect(await runSchedules()).toEqual([]);
    h.clock.set('2026-12-03T09:00:00+08:00');
    const overdue = '【投诉逾期】C1 P1 光伏组件项目 的企业投诉应于 2026-12-02 前答复，尚未答复，请督办。答复请发「答复投诉 C1 答复内容」。';
    expect(lines(await runSchedules())).toEqual([`inspect: ${overdue}`, `office: ${overdue}`, `leader.a: ${overdue}`]);
    h.clock.advanceMinutes(60);
    expect(await runSchedules()).toEqual([]);

    const archive = (await h.say('window', '档案 P1')).at(-1)?.text ?? '';
    expect(archive).toContain('投诉 C1 今天到期，已提醒答复人');
    expect(archive).toContain('投诉 C1 逾期未答复（限 2026-12-02 前），已告知督查中心督办');
  });

  it('a deadline over a weekend counts working days only', async () => {
    h.clock.set('2026-11-27T16:00:00+08:00'); // Friday
    await h.say('ent.zhang', '投诉 审批拖延');
    // 2026-11-27 (Fri) + 7 working days = 2026-12-08 (Tue); escalated Wed 12-09.
    expect(h.textsTo('office').at(-1)).toContain('请于 2026-12-08 前书面答复');
    h.clock.set('2026-12-08T23:59:00+08:00');
    expect(lines(await runSchedules()).map((line) => line.split(':')[0])).toEqual(['office', 'leader.a']);
    h.clock.set('2026-12-09T09:00:00+08:00');
    expect(lines(await runSchedules()).map((line) => line.split(':')[0])).toEqual(['inspect', 'office', 'leader.a']);
  });

  it('marks a deadline in a year whose calendar is not entered as 暂定', async () => {
    h.clock.set('2026-12-28T10:00:00+08:00');
    // 2027 is not entered: 元旦 off, 7 working days end on 2027-01-07.
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉 审批拖延'))).toBe('已收到投诉 C1（P1 光伏组件项目），将于 2027-01-07（暂定） 前书面答复你。');
    h.clock.set('2027-01-07T09:00:00+08:00');
    expect(lines(await runSchedules())[0]).toBe(
      'office: 【投诉答复提醒】C1 P1 光伏组件项目 的企业投诉今天 2027-01-07（暂定） 到期，尚未答复。答复请发「答复投诉 C1 答复内容」。',
    );
  });

  it('refuses what it cannot take, saying what to type instead', async () => {
    expect(replyTo('stranger', await h.say('stranger', '投诉 审批拖延'))).toMatch(/企业联络员请发送「绑定 绑定码」。$/);
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉'))).toBe('请写明投诉内容，例如「投诉 材料反复要求补正」。');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉 P1'))).toBe('请写明投诉内容，例如「投诉 P1 材料反复要求补正」。');
    // A project not the contact's is one it cannot name.
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉 P2 审批拖延'))).toBe('请写明投诉哪个项目，例如「投诉 P1 材料反复要求补正」：\nP1 光伏组件项目');
    expect(await h.prisma.complaint.count()).toBe(0);

    await h.say('ent.zhang', '投诉 审批拖延');
    expect(replyTo('leader.b', await h.say('leader.b', '答复投诉 C1 已处理'))).toBe('投诉 C1 由重点项目办或 P1 的包抓领导答复，你不能答复。');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '答复投诉 C1 已处理'))).toBe(
      '「答复投诉」只有重点项目办、县领导可以使用。发送「帮助」查看你能用的命令。',
    );
    expect(replyTo('office', await h.say('office', '答复投诉 C1'))).toBe('请写明答复内容，例如「答复投诉 C1 已协调自然资源局，本周内出具意见」。');
    expect(replyTo('office', await h.say('office', '答复投诉 C9 已处理'))).toBe('没有找到投诉 C9。');
    expect(replyTo('office', await h.say('office', '答复投诉 已处理'))).toBe('请写明投诉编号，例如「答复投诉 C3 已协调自然资源局，本周内出具意见」。');
    expect(await h.prisma.complaint.findMany({ select: { answeredAt: true } })).toEqual([{ answeredAt: null }]);
    expect(h.textsTo('ent.zhang').filter((text) => text.startsWith('【投诉答复】'))).toEqual([]);
  });

  it('with no 重点项目办 and no 包抓领导 in the roster goes to the window, and with no window to the admins', async () => {
    // People who left the roster (active false) are no answerers: a complaint must still reach someone.
    const leave = (accounts: string[]) => h.prisma.person.updateMany({ where: { accounts: { some: { account: { in: accounts } } } }, data: { active: false } });
    await leave(['office', 'leader.a']);
    const notice = '【企业投诉】C1 P1 光伏组件项目，企业联络员张三：审批拖延\n请于 2026-12-02 前书面答复，发「答复投诉 C1 答复内容」。';
    expect(lines(await h.say('ent.zhang', '投诉 审批拖延')).slice(0, -1)).toEqual([`window: ${notice}`]);
    await leave(['window']);
    const second = '【企业投诉】C2 P1 光伏组件项目，企业联络员张三：用电报装慢\n请于 2026-12-02 前书面答复，发「答复投诉 C2 答复内容」。';
    expect(lines(await h.say('ent.zhang', '投诉 用电报装慢')).slice(0, -1)).toEqual([`admin: ${second}`]);
  });

  it('a contact with two projects names which one', async () => {
    await h.say('ent.zhang', `绑定 ${await register(h, REGISTER.replace('光伏组件项目', '储能电站项目'))}`);
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉 审批拖延'))).toBe(
      '请写明投诉哪个项目，例如「投诉 P1 材料反复要求补正」：\nP1 光伏组件项目\nP2 储能电站项目',
    );
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉 储能 审批拖延'))).toBe('已收到投诉 C1（P2 储能电站项目），将于 2026-12-02 前书面答复你。');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '投诉 P1 用电报装慢'))).toBe('已收到投诉 C2（P1 光伏组件项目），将于 2026-12-02 前书面答复你。');
    expect(await h.prisma.complaint.findMany({ orderBy: { id: 'asc' }, select: { projectId: true, text: true } })).toEqual([
      { projectId: 2, text: '审批拖延' },
      { projectId: 1, text: '用电报装慢' },
    ]);
  });
});
