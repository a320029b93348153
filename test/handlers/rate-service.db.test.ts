// 评价 (满意度评价表, 002 五(九)): one rating per ended service, a second replaces it and the window hears
// once; a rating of 2 or less is a complaint 重点项目办 and the 包抓领导 follow up by 回访 within
// ratingComplaintWorkingDays working days, reminded once when that passes, all of it in 档案.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.say('ent.zhang', `绑定 ${await register(h)}`);
  await h.say('window', '终止 P1 企业调整投资计划');
});
afterEach(async () => {
  await h.close();
});

const replyTo = (account: string, received: { recipient: string; text: string; reply: boolean }[]) =>
  received.find((item) => item.recipient === account && item.reply)?.text;
const heard = (account: string, pattern: RegExp) => h.textsTo(account).filter((text) => pattern.test(text));

/** One pass of the schedules (the complaint reminder runs with them) and delivery. */
async function runSchedules(): Promise<void> {
  await h.app.runSchedules();
  await h.app.deliver();
}

describe('评价', () => {
  it('the same rating sent twice is recorded once and the window told once', async () => {
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 5 服务很好'))).toBe('感谢评价！P1 记为 5 分。');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 5 服务很好'))).toBe('P1 已记为 5 分，与上次相同，无需再发。');
    expect(await h.prisma.event.count({ where: { kind: 'project.rated' } })).toBe(1);
    expect(heard('window', /获企业评价|企业评价改为/)).toEqual(['P1 光伏组件项目 获企业评价 5 分：服务很好。']);
  });

  it('a second rating replaces the first, and the window hears of the change once', async () => {
    await h.say('ent.zhang', '评价 5');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 4 审批慢了一点'))).toBe('感谢评价！P1 记为 4 分。');
    expect(await h.prisma.rating.findMany({ select: { score: true, comment: true } })).toEqual([{ score: 4, comment: '审批慢了一点' }]);
    expect(heard('window', /获企业评价|企业评价改为/)).toEqual([
      'P1 光伏组件项目 获企业评价 5 分。',
      'P1 光伏组件项目 企业评价改为 4 分（原 5 分）：审批慢了一点。',
    ]);
    const rated = await h.prisma.event.findMany({ where: { kind: 'project.rated' }, orderBy: { id: 'asc' }, select: { before: true, after: true } });
    expect(rated.map((event) => [event.before, event.after])).toEqual([
      [null, { score: 5, comment: '' }],
      [
        { score: 5, comment: '' },
        { score: 4, comment: '审批慢了一点' },
      ],
    ]);
  });

  it('a 2 after 终止 reaches 重点项目办 and the 包抓领导 with a 回访 deadline, reminded once when it passes', async () => {
    const received = await h.say('ent.zhang', '评价 2 材料反复补正');
    expect(replyTo('ent.zhang', received)).toBe('感谢评价！P1 记为 2 分。重点项目办将在 7 个工作日内回访。');
    // 2026-11-23 (Mon) + 7 working days = 2026-12-02 (Wed).
    const complaint = '【差评跟进】P1 光伏组件项目 企业评价 2 分：材料反复补正。请于 2026-12-02 前回访企业，回访后发「回访 P1 情况」。';
    expect(received.filter((item) => item.text.startsWith('【差评跟进】')).map((item) => `${item.recipient}: ${item.text}`)).toEqual([
      `office: ${complaint}`,
      `leader.a: ${complaint}`,
    ]);
    expect(received.find((item) => item.recipient === 'window')?.text).toBe('P1 光伏组件项目 获企业评价 2 分：材料反复补正。');

    h.clock.set('2026-12-02T20:00:00+08:00');
    await runSchedules();
    expect(heard('office', /差评跟进逾期/)).toEqual([]);
    h.clock.set('2026-12-03T09:05:00+08:00');
    await runSchedules();
    h.clock.advanceMinutes(60);
    await runSchedules();
    const overdue = '【差评跟进逾期】P1 光伏组件项目 企业评价 2 分，应于 2026-12-02 前回访，尚未回访。回访后请发「回访 P1 情况」。';
    for (const account of ['office', 'leader.a']) expect(heard(account, /差评跟进逾期/)).toEqual([overdue]);
    expect(heard('window', /差评跟进逾期/)).toEqual([]);

    const archive = (await h.say('window', '档案 P1')).at(-1)?.text ?? '';
    expect(archive).toContain('企业评价 2 分：材料反复补正（差评，限 2026-12-02 前回访）');
    expect(archive).toContain('差评跟进逾期（限 2026-12-02 前回访），已提醒重点项目办和包抓领导');
    expect((await h.say('office', '回访 P1 已电话回访，企业接受解释')).at(-1)?.text).toBe(
      '已记录 P1 光伏组件项目 第 1 次回访，企业差评已跟进。可在「档案 P1」查看。',
    );
    expect((await h.say('window', '档案 P1')).at(-1)?.text).toContain('回访（跟进差评）：已电话回访，企业接受解释');
  });

  it('a complaint followed up by 回访 in time is not reminded', async () => {
    await h.say('ent.zhang', '评价 1');
    await h.say('office', '回访 P1 上门回访，已协调补正清单');
    h.clock.set('2026-12-04T09:05:00+08:00');
    await runSchedules();
    expect(heard('office', /差评跟进逾期/)).toEqual([]);
    expect(heard('leader.a', /差评跟进逾期/)).toEqual([]);
  });
});
