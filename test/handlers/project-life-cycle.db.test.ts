// 开工, 投产, 入库, 终止, 办结项目 and 评价 through the chat: the 帮办代办 service and the project's own stage
// are apart (docs/domain.md "Project life cycle").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 施工许可');
  await h.say('sthj.agent', '报到 T1');
});
afterEach(async () => {
  await h.close();
});

const textTo = (userid: string, received: { recipient: string; text: string }[]) => received.find((item) => item.recipient === userid)?.text;

describe('终止', () => {
  it('needs a reason, cancels open cards and asks the enterprise to rate', async () => {
    expect((await h.say('window', '终止 P1'))[0]?.text).toBe('请写明终止原因，例如「终止 P1 企业主动撤回」。');
    const received = await h.say('window', '终止 P1 企业调整投资计划');
    expect(received.filter((item) => item.message.kind === 'card_update').map((item) => [item.recipient, item.text])).toEqual([
      ['sthj.leader', '〔任务 T1 · 环境影响评价审批〕已撤销 · 项目终止'],
      ['sthj.agent', '〔任务 T1 · 环境影响评价审批〕已撤销 · 项目终止'],
      ['zjj.leader', '〔任务 T2 · 建筑工程施工许可证〕已撤销 · 项目终止'],
      ['zjj.agent', '〔任务 T2 · 建筑工程施工许可证〕已撤销 · 项目终止'],
    ]);
    expect(textTo('ent.zhang', received)).toBe('P1 光伏组件项目 帮办代办服务已终止，原因：企业调整投资计划。请为本次服务评价：评价 P1 5 意见（1–5 分）');
    expect(await h.prisma.call.count({ where: { OR: [{ nextEscalationAt: { not: null } }, { state: 'posted' }] } })).toBe(0);
    expect((await h.say('sthj.agent', '办结 T1'))[0]?.text).toBe('这个任务已撤销，不能再办理。');
    expect((await h.say('window', '派单 P1'))[0]?.text).toBe('P1 已终止，不能派单。');
  });
});

describe('办结项目 and 评价', () => {
  it('waits for open tasks, then closes and takes one rating from the bound contact', async () => {
    expect((await h.say('ent.zhang', '评价 P1 5'))[0]?.text).toBe('P1 的服务还没有办结，办结后再请你评价。');
    expect((await h.say('window', '办结项目 P1'))[0]?.text).toBe('P1 还有 2 个任务未办结：T1、T2。');
    await h.say('sthj.agent', '办结 T1 已批复');
    await h.say('zjj.agent', '报到 T2');
    await h.say('zjj.agent', '办结 T2 已发证');
    expect(textTo('window', await h.say('window', '办结项目 P1'))).toBe('P1 帮办代办服务已办结。已请企业评价。');

    expect((await h.say('ent.zhang', '评价 P1 6'))[0]?.text).toBe('请给 1–5 分，例如「评价 P1 5 服务很好」。');
    const received = await h.say('ent.zhang', '评价 P1 4 材料一次告知很清楚');
    expect(textTo('ent.zhang', received)).toBe('感谢评价！P1 记为 4 分。');
    expect(textTo('window', received)).toBe('P1 光伏组件项目 获企业评价 4 分：材料一次告知很清楚。');
    await h.say('ent.zhang', '评价 P1 5');
    expect(await h.prisma.rating.findMany({ select: { score: true } })).toEqual([{ score: 5 }]);
    expect(await h.prisma.event.count({ where: { kind: 'project.rated' } })).toBe(2);
  });
});

describe('开工 and 投产', () => {
  it('records the dates and refuses steps out of order', async () => {
    expect((await h.say('window', '投产 P1'))[0]?.text).toBe('P1 还没有开工，请先登记：开工 P1 日期。');
    expect(textTo('window', await h.say('window', '开工 P1 2026-11-20'))).toBe(
      'P1 光伏组件项目 已于 2026-11-20 开工。\n竣工验收阶段的 1 项可以派单了：竣工验收备案。发送「派单 P1 全部」',
    );
    expect(textTo('ent.zhang', await h.say('window', '投产 P1'))).toBe('P1 光伏组件项目 已于 2026-11-23 投产。');
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(project.startedOn?.toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(project).toMatchObject({ stage: 'producing', service: 'approving' });
  });

  it('checks each date, records nothing refused, and corrects a wrong date with 修改项目', async () => {
    const stageEvents = () => h.prisma.event.count({ where: { kind: 'project.stage_changed' } });
    expect((await h.say('window', '开工 P1 2026-11-24'))[0]?.text).toBe('开工日期 2026-11-24 还没到，没有登记。请写已经发生的日期（2026-11-23 或更早）。');
    expect((await h.say('window', '开工 P1 2026-11-01'))[0]?.text).toBe(
      '开工日期 2026-11-01 早于签约日期 2026-11-02，没有登记。请写 2026-11-02 或之后的日期；若签约日期有误，请发「修改项目 P1 签约日期：正确日期」。',
    );
    expect(await stageEvents()).toBe(0);
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).stage).toBe('signed');

    await h.say('window', '开工 P1 2026-11-20');
    expect((await h.say('window', '投产 P1 2026-11-19'))[0]?.text).toBe(
      '投产日期 2026-11-19 早于开工日期 2026-11-20，没有登记。请写 2026-11-20 或之后的日期；若开工日期有误，请发「修改项目 P1 开工日期：正确日期」。',
    );
    await h.say('window', '投产 P1 2026-11-21');
    expect((await h.say('window', '入库 P1 2026-11-20'))[0]?.text).toBe(
      '入库日期 2026-11-20 早于投产日期 2026-11-21，没有登记。请写 2026-11-21 或之后的日期；若投产日期有误，请发「修改项目 P1 投产日期：正确日期」。',
    );
    expect((await h.say('window', '开工 P1 2026-11-20'))[0]?.text).toBe('P1 已竣工投产，不能再登记开工。日期有误请发「修改项目 P1 开工日期：2026-06-01」。');
    expect(await stageEvents()).toBe(2);

    expect((await h.say('window', '修改项目 P1 入库日期：2026-11-22'))[0]?.text).toBe('P1 还没有登记入库，请发「入库 P1 2026-11-23」。');
    expect((await h.say('window', '修改项目 P1 开工日期：2026-11-22'))[0]?.text).toMatch(/^投产日期 2026-11-21 早于开工日期 2026-11-22，没有登记。/);
    expect((await h.say('window', '修改项目 P1 开工日期：2026-11-18'))[0]?.text).toBe('已修改 P1 光伏组件项目：\n开工日期：2026-11-20 → 2026-11-18');
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).startedOn?.toISOString().slice(0, 10)).toBe('2026-11-18');
    const archive = (await h.say('window', '档案 P1'))[0]?.text ?? '';
    expect(archive).toContain('项目阶段改为开工（2026-11-20）');
    expect(archive).toContain('修改项目：开工日期由2026-11-20改为2026-11-18');
    // A 签约日期 moved past the recorded 开工 is refused the same way.
    expect((await h.say('window', '修改项目 P1 签约日期：2026-11-19'))[0]?.text).toMatch(/^开工日期 2026-11-18 早于签约日期 2026-11-19，没有登记。/);
  });
});

describe('the service ended before 开工', () => {
  it('records 开工, 投产 and 入库 after 办结项目, telling the 包抓领导 each', async () => {
    await h.say('sthj.agent', '办结 T1 已批复');
    await h.say('zjj.agent', '报到 T2');
    await h.say('zjj.agent', '办结 T2 已发证');
    await h.say('window', '办结项目 P1');
    expect((await h.say('window', '进度 P1'))[0]?.text).toContain('服务：已办结 · 项目：签约');

    const started = await h.say('window', '开工 P1 2026-11-20');
    expect(textTo('window', started)).toBe('P1 光伏组件项目 已于 2026-11-20 开工。');
    expect(textTo('leader.a', started)).toBe('P1 光伏组件项目 已于 2026-11-20 开工。');
    expect(textTo('leader.a', await h.say('window', '投产 P1 2026-11-21'))).toBe('P1 光伏组件项目 已于 2026-11-21 投产。');
    expect(textTo('leader.a', await h.say('window', '入库 P1 2026-11-23'))).toBe('P1 光伏组件项目 已于 2026-11-23 入库。');

    expect(await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ service: 'closed', stage: 'enrolled' });
    expect((await h.say('window', '进度 P1'))[0]?.text).toContain('服务：已办结 · 项目：入库 2026-11-23');
    // Rating still follows the service.
    expect(textTo('ent.zhang', await h.say('ent.zhang', '评价 P1 5'))).toBe('感谢评价！P1 记为 5 分。');
  });

  it('keeps the stage where it was after 终止', async () => {
    await h.say('window', '终止 P1 企业主动撤回');
    expect((await h.say('window', '开工 P1 2026-11-20'))[0]?.text).toBe('P1 已终止，项目阶段停在签约，不再登记开工。');
    expect((await h.say('window', '修改项目 P1 投资：8亿'))[0]?.text).toBe('P1 已终止，不能再修改。');
    expect(await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ service: 'terminated', stage: 'signed' });
  });
});
