// 派单 and the task commands through the chat: one card per unit and project (a call), 报到 once
// per call by text or button, the unit check, 一次性告知 at 派单 and 补充告知 after, 退回, 中止/恢复
// and 办结 item by item, with their notices and card updates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import type { Received } from '../support/recording-messenger.js';
import { preparePlannedProject, recipients, register, REGISTER } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
});
afterEach(async () => {
  await h.close();
});

const textTo = (userid: string, received: { recipient: string; text: string }[]) => received.find((item) => item.recipient === userid)?.text;
const cardsTo = (userid: string, received: Received[]) => received.filter((item) => item.recipient === userid && item.message.kind === 'card');

/** A second project, P2, accepted with its team and plan, its contact not bound. */
async function prepareSecondProject(): Promise<void> {
  await register(h, REGISTER.replace('光伏组件项目', '饲料加工项目'));
  await h.say('window', '受理 P2');
  await h.say('window', '组建团队 P2');
  await h.say('window', '方案 P2');
}

describe('派单', () => {
  it('posts one card to the agent and 责任领导 of each unit, due 30 office minutes later, and tells the enterprise the materials once', async () => {
    const received = await h.say('window', '派单 P1 环评 施工许可');
    expect(recipients(received)).toEqual(['sthj.leader', 'sthj.agent', 'zjj.leader', 'zjj.agent', 'ent.zhang', 'window']);
    expect(received[1]?.message).toMatchObject({ kind: 'card', card: { key: 'call:1', title: '任务 T1 · 环境影响评价审批' } });
    expect(received[1]?.text).toContain('报到期限：11-23 10:30 前');
    expect(textTo('window', received)).toBe(
      '已派单 2 项，2 个单位各收到一个任务：\n市生态环境局（生态环境局责任领导、生态环境局代办员）：T1 环境影响评价审批（15 个工作日），11-23 10:30 前报到\n市住房和城乡建设局（住房和城乡建设局责任领导、住房和城乡建设局代办员）：T2 建筑工程施工许可证（3 个工作日），11-23 10:30 前报到\n已向企业一次性告知 2 个事项的 7 项材料。',
    );
    expect(textTo('ent.zhang', received)).toBe(
      '【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料：\n「环境影响评价审批」（T1）\n1. 环评审批申请\n2. 环境影响报告书（表）\n3. 公众参与说明\n「建筑工程施工许可证」（T2）\n1. 施工许可申请表\n2. 建设工程规划许可证\n3. 施工合同\n4. 质量安全监督手续',
    );
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(project).toMatchObject({ service: 'approving', stage: 'signed', phase: 1 });
  });

  it('sends a unit with four items one card listing them all, with one 报到 deadline', async () => {
    await h.say('window', '方案 P1 增加 土地出让');
    const received = await h.say('window', '派单 P1 用地预审 用地规划 土地出让 工程规划');
    for (const person of ['zrzy.agent', 'zrzy.leader']) expect(cardsTo(person, received)).toHaveLength(1);
    const [card] = cardsTo('zrzy.agent', received);
    expect(card?.message).toMatchObject({
      kind: 'card',
      card: { key: 'call:1', title: '任务 T1 T2 T3 T4 · 4 项', buttons: [{ id: 'take', command: '报到 T1' }] },
    });
    expect(card?.text).toContain('T3：国有土地使用权出让审核，报到后 10 个工作日');
    expect(await h.prisma.call.count()).toBe(1);
    expect(textTo('window', received)).toMatch(/^已派单 4 项，1 个单位各收到一个任务：\n市自然资源局（.*）：T1 .*、T2 .*、T3 .*、T4 .*，11-23 10:30 前报到\n/);
  });

  it('adds items sent later to the unit’s call still waiting for 报到, keeping its deadline', async () => {
    await h.say('window', '派单 P1 用地预审');
    h.clock.advanceMinutes(10);
    const received = await h.say('window', '派单 P1 用地规划');
    expect(cardsTo('zrzy.agent', received)[0]?.message).toMatchObject({ card: { key: 'call:1', title: '任务 T1 T2 · 2 项' } });
    expect(textTo('window', received)).toContain('T2 建设用地规划许可证（5 个工作日），11-23 10:30 前报到（并入待报到的 2 项，报到期限不变）');
    const taken = await h.say('zrzy.agent', '报到 T2');
    expect(taken.at(-1)?.text).toMatch(/^已报到 T1 建设项目用地预审与选址意见书（.* 前办结）、T2 建设用地规划许可证（.* 前办结）。/);
    // The card of several items shows each item's state and the commands to type, no buttons.
    const update = taken.find((item) => item.recipient === 'zrzy.leader' && item.message.kind === 'card_update')?.message;
    expect(update).toMatchObject({ card: { key: 'call:1', buttons: [] } });
    expect(update?.kind === 'card_update' && update.card.fields.filter((field) => /^T\d$/.test(field.label)).map((field) => field.value)).toEqual([
      '建设项目用地预审与选址意见书，报到后 10 个工作日 · 办理中',
      '建设用地规划许可证，报到后 5 个工作日 · 办理中',
    ]);
    const finished = await h.say('zrzy.agent', '办结 T1 已出具');
    expect(finished.find((item) => item.recipient === 'zrzy.leader' && item.message.kind === 'card_update')?.message).toMatchObject({
      status: 'T1 已办结 · 自然资源局代办员 · 10:10',
    });
    // Once taken, a new item goes out as a new call.
    expect(cardsTo('zrzy.agent', await h.say('window', '派单 P1 工程规划'))[0]?.message).toMatchObject({ card: { key: 'call:2' } });
  });

  it('records the material list per item when the enterprise contact is not bound yet', async () => {
    await prepareSecondProject();
    const received = await h.say('window', '派单 P2 环评');
    expect(recipients(received)).not.toContain('ent.zhang');
    expect(textTo('window', received)).toContain('1 个事项的 3 项材料已记录；企业联络员尚未绑定，绑定后可查看，请先转告企业。');
    const event = await h.prisma.event.findFirstOrThrow({ where: { kind: 'project.materials_told', projectId: 2 } });
    expect(event.after).toEqual({
      told: false,
      items: [{ taskId: 1, itemName: '环境影响评价审批', materials: ['环评审批申请', '环境影响报告书（表）', '公众参与说明'] }],
    });
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).noticeMaterials).toHaveLength(3);
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

  it('takes the call, updates every copy, tells the window and starts the promised days', async () => {
    const received = await h.say('sthj.agent', '报到 T1');
    expect(received.filter((item) => item.message.kind === 'card_update').map((item) => [item.recipient, item.text])).toEqual([
      ['sthj.leader', '〔任务 T1 · 环境影响评价审批〕已报到 · 生态环境局代办员 · 10:12\n按钮：回复「办结 T1」 「退回 T1 原因」'],
      ['sthj.agent', '〔任务 T1 · 环境影响评价审批〕已报到 · 生态环境局代办员 · 10:12\n按钮：回复「办结 T1」 「退回 T1 原因」'],
    ]);
    expect(textTo('window', received)).toBe('T1 环境影响评价审批（P1）已由市生态环境局 生态环境局代办员报到，用时 12 分钟。');
    // 15 working days from Monday 2026-11-23.
    expect(received.at(-1)?.text).toMatch(/^已报到 T1 环境影响评价审批（2026-12-14 前办结）。/);
    expect(await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: 'taken', takenAt: h.clock.now() });
    expect(await h.prisma.call.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: 'taken', nextEscalationAt: null, takenAt: h.clock.now() });
  });

  it('works from the card button too, and a second 报到 names who took it', async () => {
    await h.click('sthj.leader', 'call:1', 'take');
    expect((await h.say('sthj.agent', '报到 T1'))[0]?.text).toBe('这个任务已由生态环境局责任领导于 11-23 10:12 报到。');
  });

  it('refuses another unit, the window and unknown tasks', async () => {
    expect((await h.say('zrzy.agent', '报到 T1'))[0]?.text).toBe('这个任务属于市生态环境局，只有该单位的代办员或责任领导可以办理。');
    expect((await h.say('window', '报到 T1'))[0]?.text).toBe('「报到」只有代办员、责任领导可以使用。发送「帮助」查看你能用的命令。');
    expect((await h.say('sthj.agent', '报到 T99'))[0]?.text).toBe('没有找到这个任务，请检查卡片上的任务编号。');
  });
});

describe('报到 forms', () => {
  beforeEach(async () => {
    // 自然资源局 is called on two projects: T1 T2 on P1, T3 T4 on P2.
    await prepareSecondProject();
    await h.say('window', '派单 P1 用地预审 用地规划');
    await h.say('window', '派单 P2 用地预审 用地规划');
    h.clock.advanceMinutes(5);
  });

  it('报到 alone lists the unit’s waiting calls, one line per call with its items', async () => {
    expect((await h.say('zrzy.agent', '报到'))[0]?.text).toBe(
      '你单位待报到 2 个任务（报到一个任务即接下它的全部事项）：\nP1 光伏组件项目：T1 建设项目用地预审与选址意见书、T2 建设用地规划许可证 · 11-23 10:30 前报到\nP2 饲料加工项目：T3 建设项目用地预审与选址意见书、T4 建设用地规划许可证 · 11-23 10:30 前报到\n发送「报到 T1」报到，或「报到 T1 T3」一次报到多个项目。',
    );
  });

  it('报到 T2 T4 takes both calls, each once, with all their items', async () => {
    const received = await h.say('zrzy.agent', '报到 T2 T4');
    expect(received.at(-1)?.text).toMatch(/^已报到 T1 .*、T2 .*。\n已报到 T3 .*、T4 .*。\n/);
    expect((await h.prisma.task.findMany({ select: { state: true } })).map((task) => task.state)).toEqual(['taken', 'taken', 'taken', 'taken']);
    expect(await h.prisma.event.count({ where: { kind: 'task.taken' } })).toBe(4);
    // The window hears once per call.
    const toWindow = received.filter((item) => item.recipient === 'window').map((item) => item.text);
    expect(toWindow.join('\n').match(/已由市自然资源局 自然资源局代办员报到/g)).toHaveLength(2);
  });

  it('报到 P2 takes only the unit’s call on P2, and then the T number of a taken call names who took it', async () => {
    expect((await h.say('zrzy.leader', '报到 P2')).at(-1)?.text).toMatch(/^已报到 T3 .*、T4 .*。/);
    expect((await h.prisma.call.findMany({ orderBy: { id: 'asc' } })).map((call) => call.state)).toEqual(['posted', 'taken']);
    expect((await h.say('zrzy.agent', '报到 T4 T1')).at(-1)?.text).toMatch(/^T4：这个任务已由自然资源局责任领导于 11-23 10:05 报到。\n已报到 T1 .*、T2 .*。/);
  });
});

describe('after 报到', () => {
  beforeEach(async () => {
    await h.say('window', '派单 P1 环评 施工许可');
    await h.say('sthj.agent', '报到 T1');
    await h.say('zjj.agent', '报到 T2');
  });

  it('告知 without a list says the materials were told at 派单 and how to add more', async () => {
    expect((await h.say('sthj.agent', '告知 T1'))[0]?.text).toBe(
      'T1 的材料已于 11-23 10:00 一次性告知企业。如需补充，请写明：告知 T1 材料：材料1、材料2；没有需要补充的，请发送「告知 T1 无需补充材料」。',
    );
  });

  it('a later 告知 goes out as 补充告知, and the window is told', async () => {
    const received = await h.say('sthj.agent', '告知 T1 材料：排污许可申请');
    const notice = '【补充告知】P1 光伏组件项目「环境影响评价审批」（T1）在一次性告知的材料之外，还需要（市生态环境局 生态环境局代办员）：\n1. 排污许可申请';
    expect(received.map((item) => [item.recipient, item.text])).toEqual([
      ['ent.zhang', notice],
      ['window', notice],
      ['sthj.agent', '已向企业补充告知 1 项材料，专窗已知悉。'],
    ]);
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).noticeMaterials).toEqual([
      '环评审批申请',
      '环境影响报告书（表）',
      '公众参与说明',
      '排污许可申请',
    ]);
  });

  it('退回 needs the reasons, then sends them to the enterprise and the window and closes the card', async () => {
    expect((await h.click('zjj.agent', 'call:2', 'return'))[0]?.text).toBe('请写明原因，例如「退回 T2 缺少用地预审意见、环评批复」。');
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
    const received = await h.click('zjj.agent', 'call:2', 'return', '缺少建设工程规划许可证');
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

  it('办结 sends the result, kept whole, to the window and the enterprise at once', async () => {
    const received = await h.say('sthj.agent', '办结 T1 批复文号：卫环审〔2026〕5号');
    const result = 'T1 环境影响评价审批（P1 光伏组件项目）已办结：批复文号：卫环审〔2026〕5号（市生态环境局）';
    expect(textTo('ent.zhang', received)).toBe(result);
    expect(textTo('window', received)).toBe(result);
    expect(received.at(-1)?.text).toBe('已办结 T1 环境影响评价审批，结果已送专窗和企业。');
  });

  it('办结 from the card button finishes once; a second click is refused', async () => {
    expect((await h.click('zjj.agent', 'call:2', 'finish')).at(-1)).toMatchObject({
      recipient: 'zjj.agent',
      text: '已办结 T2 建筑工程施工许可证，结果已送专窗和企业。',
    });
    expect((await h.click('zjj.leader', 'call:2', 'finish'))[0]?.text).toBe('这个任务已办结，不能再办理。');
    expect(await h.prisma.event.count({ where: { taskId: 2, kind: 'task.done' } })).toBe(1);
  });
});

describe('办结 needs the materials told', () => {
  beforeEach(async () => {
    // An item whose catalogue lists no materials: nothing was told at 派单.
    await h.prisma.planItem.updateMany({ where: { projectId: 1, itemCode: 'HB-01' }, data: { materials: [] } });
    await h.say('window', '派单 P1 环评');
    await h.say('sthj.agent', '报到 T1');
  });

  it('refuses 办结 and says exactly what to type', async () => {
    expect((await h.say('sthj.agent', '办结 T1 已批复'))[0]?.text).toBe(
      'T1 还没有告知企业所需材料，不能办结。请先发送「告知 T1 材料：材料1、材料2」，或没有需要企业补充的材料时发送「办结 T1 无需补充材料 结果」。',
    );
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('taken');
  });

  it('accepts 办结 after 告知 T1 无需补充材料', async () => {
    expect((await h.say('sthj.agent', '告知 T1 无需补充材料'))[0]?.text).toBe('已记录 T1 环境影响评价审批 无需企业补充材料，办结时发送「办结 T1 结果」。');
    expect((await h.say('sthj.agent', '办结 T1 已批复')).at(-1)?.text).toBe('已办结 T1 环境影响评价审批，结果已送专窗和企业。');
    expect((await h.prisma.event.findMany({ where: { taskId: 1 }, orderBy: { id: 'asc' } })).map((event) => event.kind)).toContain('task.no_more_materials');
  });

  it('accepts 办结 T1 无需补充材料 with the result in one message', async () => {
    const received = await h.say('sthj.agent', '办结 T1 无需补充材料 已批复');
    expect(textTo('window', received)).toBe('T1 环境影响评价审批（P1 光伏组件项目）已办结：已批复（市生态环境局）');
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
