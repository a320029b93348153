// What the enterprise contact sees (docs/domain.md "The enterprise's view"): in 进度, who handles each
// open item (with a number to call) and the materials still owed, of its own project only; and the lists
// told before it bound, sent to it on binding.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject, register } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

describe('进度 for the enterprise', () => {
  it('names the agent who took each open item, or 待报到, and the materials owed; never another project', async () => {
    await preparePlannedProject(h);
    await h.say('window', '派单 P1 环评 施工许可');
    await h.say('sthj.agent', '报到 T1');
    // Another enterprise's project, dispatched to the same unit.
    await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：王五 13700002222');
    await h.say('window', '受理 P2');
    await h.say('window', '组建团队 P2');
    await h.say('window', '方案 P2');
    await h.say('window', '派单 P2 环评');
    await h.say('sthj.agent', '报到 T3');
    await h.say('sthj.agent', '告知 T3 风电场环评专章');
    h.clock.advanceMinutes(10);

    const text = (await h.say('ent.zhang', '进度'))[0]?.text ?? '';
    expect(text.split('\n').slice(4)).toEqual([
      '开工期限：2027-03-15（暂定）',
      '任务：',
      '🟢 T1 环境影响评价审批 · 市生态环境局 · 办理中 10 分钟，2026-12-14 前办结',
      '　经办：市生态环境局 生态环境局代办员 · 电话请问专窗',
      '　需提交材料：环评审批申请、环境影响报告书（表）、公众参与说明',
      '🟢 T2 建筑工程施工许可证 · 市住房和城乡建设局 · 待报到，已派单 10 分钟（11-23 10:30 前报到）',
      '　经办：市住房和城乡建设局 待报到 · 电话请问专窗',
      '　需提交材料：施工许可申请表、建设工程规划许可证、施工合同、质量安全监督手续',
    ]);
    expect(text).not.toContain('13800000108');
    expect(text).not.toMatch(/T3|风电/);
    expect((await h.say('ent.zhang', '进度 P2'))[0]?.text).toBe('没有找到这个项目，请检查编号或名称。');

    // A finished item owes nothing and is shown as done.
    await h.say('sthj.agent', '办结 T1 已出具环评批复');
    const after = (await h.say('ent.zhang', '进度'))[0]?.text ?? '';
    expect(after).toContain('✅ T1 环境影响评价审批 · 市生态环境局 · 已办结 2026-11-23\n🟢 T2');
    expect(after).not.toContain('环评审批申请');
  });

  it('officials see the task lines without the enterprise details', async () => {
    await preparePlannedProject(h);
    await h.say('window', '派单 P1 环评');
    expect((await h.say('window', '进度 P1'))[0]?.text).not.toContain('经办：');
  });
});

describe('lists told before binding', () => {
  it('reach the contact in one message on binding, and 进度 shows them', async () => {
    const code = await register(h);
    await h.say('window', '受理 P1');
    await h.say('window', '组建团队 P1');
    await h.say('window', '方案 P1');
    await h.say('window', '派单 P1 环评 施工许可');
    await h.say('sthj.agent', '报到 T1');
    h.clock.advanceMinutes(20);
    await h.say('sthj.agent', '告知 T1 排污许可申请');

    h.clock.advanceMinutes(30);
    const received = await h.say('ent.zhang', `绑定 ${code}`);
    expect(received.filter((item) => item.recipient === 'ent.zhang').map((item) => item.text)).toEqual([
      [
        '【已告知材料】P1 光伏组件项目 在你绑定前已告知以下材料：',
        '「环境影响评价审批」（市生态环境局，一次性告知 11-23 10:00，补充告知 11-23 10:20）：',
        '1. 环评审批申请',
        '2. 环境影响报告书（表）',
        '3. 公众参与说明',
        '4. 排污许可申请',
        '「建筑工程施工许可证」（市住房和城乡建设局，一次性告知 11-23 10:00）：',
        '1. 施工许可申请表',
        '2. 建设工程规划许可证',
        '3. 施工合同',
        '4. 质量安全监督手续',
      ].join('\n'),
      '绑定成功：你是 P1 光伏组件项目 的企业联络员。此前已告知的材料另行发给你。发送「进度」查看办理情况。',
    ]);
    expect((await h.say('ent.zhang', '进度'))[0]?.text).toContain('　需提交材料：环评审批申请、环境影响报告书（表）、公众参与说明、排污许可申请');
  });
});
