// 派单 and the task commands through the chat: who gets the card, 报到 by text or button, the
// unit check, 告知, 退回, 中止/恢复 and 办结 with their notices and card updates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject, recipients } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
});
afterEach(async () => {
  await h.close();
});

const textTo = (userid: string, received: { recipient: string; text: string }[]) => received.find((item) => item.recipient === userid)?.text;

describe('派单', () => {
  it('posts a card to the agent and 责任领导 of each item unit, due 30 office minutes later', async () => {
    const received = await h.say('window', '派单 P1 环评 施工许可');
    expect(recipients(received)).toEqual(['sthj.leader', 'sthj.agent', 'zjj.leader', 'zjj.agent', 'window']);
    expect(received[1]?.message).toMatchObject({ kind: 'card', card: { key: 'task:1', title: '任务 T1 · 环境影响评价审批' } });
    expect(received[1]?.text).toContain('报到期限：11-23 10:30 前');
    expect(textTo('window', received)).toBe(
      '已派单 2 项：\nT1 环境影响评价审批 → 市生态环境局（生态环境局责任领导、生态环境局代办员），11-23 10:30 前报到\nT2 建筑工程施工许可证 → 市住房和城乡建设局（住房和城乡建设局责任领导、住房和城乡建设局代办员），11-23 10:30 前报到',
    );
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(project).toMatchObject({ service: 'approving', stage: 'signed', phase: 1 });
  });

  it('says when a card posted at 17:50 on a Friday is due: 08:50 on Monday', async () => {
    h.clock.set('2026-11-27T17:50:00+08:00');
    const received = await h.say('window', '派单 P1 环评');
    expect(received[0]?.text).toContain('报到期限：11-30 08:50 前');
  });

  it('does not post an item twice and names what it could not find', async () => {
    await h.say('window', '派单 P1 环评');
    expect((await h.say('window', '派单 P1 环评 消防'))[0]?.text).toBe('没有派出任务。\n方案中没有「消防」；「环境影响评价审批」已派单（T1）。');
  });

  it('is refused before the project is accepted', async () => {
    await h.say('window', '登记项目 名称：新项目 投资：1亿');
    expect((await h.say('window', '派单 P2'))[0]?.text).toBe('P2 未受理，请先受理。');
  });
});

describe('报到', () => {
  beforeEach(async () => {
    await h.say('window', '派单 P1 环评 施工许可');
    h.clock.advanceMinutes(12);
  });

  it('takes the card, updates every copy, tells the window and starts the promised days', async () => {
    const received = await h.say('sthj.agent', '报到 T1');
    expect(received.filter((item) => item.message.kind === 'card_update').map((item) => [item.recipient, item.text])).toEqual([
      ['sthj.leader', '〔任务 T1 · 环境影响评价审批〕已报到 · 生态环境局代办员 · 10:12\n按钮：回复「办结 T1」 「退回 T1 原因」'],
      ['sthj.agent', '〔任务 T1 · 环境影响评价审批〕已报到 · 生态环境局代办员 · 10:12\n按钮：回复「办结 T1」 「退回 T1 原因」'],
    ]);
    expect(textTo('window', received)).toBe('T1 环境影响评价审批（P1）已由市生态环境局 生态环境局代办员报到，用时 12 分钟。');
    // 15 working days from Monday 2026-11-23.
    expect(received.at(-1)?.text).toMatch(/^已报到 T1 环境影响评价审批，请于 2026-12-14 前办结。/);
    const task = await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } });
    expect(task).toMatchObject({ state: 'taken', nextEscalationAt: null, takenAt: h.clock.now() });
  });

  it('works from the card button too, and a second 报到 names who took it', async () => {
    await h.click('sthj.leader', 1, 'take');
    expect((await h.say('sthj.agent', '报到 T1'))[0]?.text).toBe('这个任务已由生态环境局责任领导于 11-23 10:12 报到。');
  });

  it('refuses another unit, the window and unknown tasks', async () => {
    expect((await h.say('zrzy.agent', '报到 T1'))[0]?.text).toBe('这个任务属于市生态环境局，只有该单位的代办员或责任领导可以办理。');
    expect((await h.say('window', '报到 T1'))[0]?.text).toBe('「报到」只有代办员、责任领导可以使用。');
    expect((await h.say('sthj.agent', '报到 T99'))[0]?.text).toBe('没有找到这个任务，请检查任务编号（如 T12）。');
  });
});

describe('after 报到', () => {
  beforeEach(async () => {
    await h.say('window', '派单 P1 环评 施工许可');
    await h.say('sthj.agent', '报到 T1');
    await h.say('zjj.agent', '报到 T2');
  });

  it('告知 without a list sends the catalogue materials to the enterprise and the window', async () => {
    const received = await h.say('sthj.agent', '告知 T1');
    const notice =
      '【一次性告知】P1 光伏组件项目「环境影响评价审批」需要以下材料（市生态环境局 生态环境局代办员）：\n1. 环评审批申请\n2. 环境影响报告书（表）\n3. 公众参与说明';
    expect(received.map((item) => [item.recipient, item.text])).toEqual([
      ['ent.zhang', notice],
      ['window', notice],
      ['sthj.agent', '已告知企业 3 项材料。'],
    ]);
  });

  it('告知 is one-time: the list is not sent twice, and more materials go out as 补充告知 the window sees', async () => {
    await h.say('sthj.agent', '告知 T1');
    const [again] = await h.say('sthj.agent', '告知 T1');
    expect(again?.text).toMatch(/^T1 已于 11-23 10:\d\d 一次性告知企业。如需补充材料，请写明：告知 T1 材料1 材料2（将作为补充告知发送）。$/);
    const received = await h.say('sthj.agent', '告知 T1 材料：排污许可申请');
    const notice = '【补充告知】P1 光伏组件项目「环境影响评价审批」在已告知的材料之外，还需要（市生态环境局 生态环境局代办员）：\n1. 排污许可申请';
    expect(received.map((item) => [item.recipient, item.text])).toEqual([
      ['ent.zhang', notice],
      ['window', notice],
      ['sthj.agent', '已补充告知 1 项材料。'],
    ]);
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).noticeMaterials).toEqual([
      '环评审批申请',
      '环境影响报告书（表）',
      '公众参与说明',
      '排污许可申请',
    ]);
  });

  it('退回 needs the reasons, then sends them to the enterprise and the window and closes the card', async () => {
    expect((await h.click('zjj.agent', 2, 'return'))[0]?.text).toBe('请写明原因，例如「退回 T2 缺少用地预审意见、环评批复」。');
    const received = await h.say('zjj.agent', '退回 T2 缺少建设工程规划许可证 施工合同未签订');
    expect(textTo('ent.zhang', received)).toBe(
      'T2 建筑工程施工许可证（P1 光伏组件项目）不予受理，原因：缺少建设工程规划许可证 施工合同未签订（市住房和城乡建设局）',
    );
    expect(received.filter((item) => item.message.kind === 'card_update').map((item) => item.recipient)).toEqual(['zjj.leader', 'zjj.agent']);
    expect((await h.say('zjj.agent', '办结 T2'))[0]?.text).toBe('这个任务已退回，不能再办理。');
    // A returned item may be posted again.
    expect((await h.say('window', '派单 P1 施工许可'))[0]?.recipient).toBe('zjj.leader');
  });

  it('退回 from the card takes the reasons typed into its button', async () => {
    const received = await h.click('zjj.agent', 2, 'return', '缺少建设工程规划许可证');
    expect(received.find((item) => item.reply)?.text).toBe('已退回 T2，原因已送专窗和企业。');
    expect(textTo('window', received)).toBe('T2 建筑工程施工许可证（P1 光伏组件项目）不予受理，原因：缺少建设工程规划许可证（市住房和城乡建设局）');
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 2 } })).returnReason).toBe('缺少建设工程规划许可证');
  });

  it('中止 stops the clock and 恢复 moves the due date by the working days it stood still', async () => {
    // Taken Monday 11-23 with 3 promised working days: due Thursday 11-26.
    await h.say('zjj.agent', '中止 T2 企业补正材料');
    expect((await h.say('zjj.agent', '办结 T2'))[0]?.text).toBe('这个任务已中止计时，请先发送「恢复 T2」。');
    h.clock.set('2026-11-27T09:00:00+08:00');
    const received = await h.say('zjj.agent', '恢复 T2');
    expect(textTo('zjj.agent', received)).toBe('T2 已恢复计时，顺延 4 个工作日，2026-12-02 前办结。');
    expect(textTo('ent.zhang', received)).toBe('T2 建筑工程施工许可证（P1）恢复计时，2026-12-02 前办结。');
  });

  it('办结 sends the result to the window and the enterprise at once', async () => {
    const received = await h.say('sthj.agent', '办结 T1 已出具环评批复');
    const result = 'T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）';
    expect(textTo('ent.zhang', received)).toBe(result);
    expect(textTo('window', received)).toBe(result);
    expect(received.at(-1)?.text).toBe('已办结 T1 环境影响评价审批，结果已送专窗和企业。');
  });

  it('办结 from the card button finishes once; a second click is refused', async () => {
    expect((await h.click('zjj.agent', 2, 'finish')).at(-1)).toMatchObject({
      recipient: 'zjj.agent',
      text: '已办结 T2 建筑工程施工许可证，结果已送专窗和企业。',
    });
    expect((await h.click('zjj.leader', 2, 'finish'))[0]?.text).toBe('这个任务已办结，不能再办理。');
    expect(await h.prisma.event.count({ where: { taskId: 2, kind: 'task.done' } })).toBe(1);
  });
});

describe('phases', () => {
  it('moves the project to the next phase when every item of its phase is done', async () => {
    await h.say('window', '方案 P1 删除 备案 水保 用地预审 用地规划');
    await h.say('window', '派单 P1 环评 工程规划');
    await h.say('sthj.agent', '报到 T1');
    const received = await h.say('sthj.agent', '办结 T1 已批复');
    // The outbox may bundle the result and the phase notice to the window into one message.
    expect(
      received
        .filter((item) => item.recipient === 'window')
        .map((item) => item.text)
        .join('\n'),
    ).toContain('P1 光伏组件项目 进入工程建设许可阶段。');
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).phase).toBe(2);
  });
});
