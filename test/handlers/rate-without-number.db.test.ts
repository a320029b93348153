// 评价 without a project number (满意度评价, 002 五(九)): it rates the contact's one ended service,
// lists the projects to choose from when several have ended, and waits while none has.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.say('ent.zhang', `绑定 ${await register(h)}`);
});
afterEach(async () => {
  await h.close();
});

const replyTo = (userid: string, received: { recipient: string; text: string; reply: boolean }[]) =>
  received.find((item) => item.recipient === userid && item.reply)?.text;

describe('评价 without a number', () => {
  it('rates the one project whose service has ended, comment kept as typed', async () => {
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 5'))).toBe('P1 的服务还没有办结，办结后再请你评价。');
    await h.say('window', '终止 P1 企业调整投资计划');
    const received = await h.say('ent.zhang', '评价 5 服务很好，材料一次讲清');
    expect(replyTo('ent.zhang', received)).toBe('感谢评价！P1 记为 5 分。');
    expect(received.find((item) => item.recipient === 'window')?.text).toBe('P1 光伏组件项目 获企业评价 5 分：服务很好，材料一次讲清。');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 4分'))).toBe('感谢评价！P1 记为 4 分。');
    expect(await h.prisma.rating.findMany({ select: { projectId: true, score: true, comment: true } })).toEqual([{ projectId: 1, score: 4, comment: '' }]);
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 6'))).toBe('请给 1–5 分，例如「评价 5 服务很好」。');
  });

  it('with a second bound project still open, rates the ended one', async () => {
    await h.say('ent.zhang', `绑定 ${await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：张三 13900001111')}`);
    await h.say('window', '终止 P2 企业主动撤回');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 3'))).toBe('感谢评价！P2 记为 3 分。');
  });

  it('with several ended services, lists them and says how to name one', async () => {
    await h.say('ent.zhang', `绑定 ${await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：张三 13900001111')}`);
    await h.say('window', '终止 P1 企业调整投资计划');
    await h.say('window', '终止 P2 企业主动撤回');
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 5 很好'))).toBe(
      ['你有 2 个项目的服务已结束，请写明评价哪一个，例如「评价 P1 5 服务很好」：', 'P1 光伏组件项目', 'P2 风电装备制造项目'].join('\n'),
    );
    expect(await h.prisma.rating.count()).toBe(0);
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 P2 5 很好'))).toBe('感谢评价！P2 记为 5 分。');
  });

  it('waits while no bound project has an ended service', async () => {
    await h.say('ent.zhang', `绑定 ${await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：张三 13900001111')}`);
    expect(replyTo('ent.zhang', await h.say('ent.zhang', '评价 5'))).toBe('你的项目服务都还没有办结，办结后再请你评价。');
    expect(await h.prisma.rating.count()).toBe(0);
  });
});
