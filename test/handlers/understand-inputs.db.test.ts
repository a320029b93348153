// Officials type as they type: free text with colons after the task, several references at once,
// no space after the command word, full-width letters, near-miss command words, unknown fields.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 水保 施工许可');
});
afterEach(async () => {
  await h.close();
});

const last = async (userid: string, text: string) => (await h.say(userid, text)).at(-1)?.text;

describe('free text after the references', () => {
  it('keeps a result with a colon and brackets whole', async () => {
    await h.say('sthj.agent', '报到T1');
    expect(await last('sthj.agent', '办结 T1 批复文号：卫自然资预〔2026〕5号')).toBe('已办结 T1 环境影响评价审批，结果已送专窗和企业。');
    const task = await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } });
    expect(task.result).toBe('批复文号：卫自然资预〔2026〕5号');
  });

  it('sends the typed materials after 材料： (as 补充告知 to the list told at 派单), not the catalogue default', async () => {
    await h.say('sthj.agent', '报到 Ｔ１');
    expect(await last('sthj.agent', '告知 T1 材料：节能报告、项目备案证明')).toBe('已向企业补充告知 2 项材料，专窗已知悉。');
    const task = await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } });
    expect(task.noticeMaterials.slice(-2)).toEqual(['节能报告', '项目备案证明']);
  });

  it('takes the reason after 原因： for 退回 and 终止', async () => {
    await h.say('sthj.agent', '退回 T1 原因：缺少用地预审意见，环评报告未盖章');
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).returnReason).toBe('缺少用地预审意见，环评报告未盖章');
    expect(await last('window', '终止 P1 原因：企业主动撤回')).toMatch(/^P1 帮办代办服务已终止，原因：企业主动撤回/);
  });
});

describe('several references', () => {
  it("报到 alone lists the unit's waiting cards", async () => {
    expect(await last('swj.agent', '报到')).toBe(
      '你单位待报到 1 次（每次报到办理该项目的全部事项）：\nP1 光伏组件项目：T2 水土保持方案审批 · 11-23 10:30 前报到\n发送「报到 T2」报到。',
    );
  });

  it("报到 P1 takes all of the unit's waiting cards of the project; 报到 T1，T3 takes both when allowed", async () => {
    expect(await last('swj.agent', '报到 P1')).toMatch(/^已报到 T2 水土保持方案审批（\d{4}-\d{2}-\d{2} 前办结）。/);
    const reply = await last('sthj.agent', '报到 T1，T3');
    expect(reply).toMatch(/^已报到 T1 环境影响评价审批.*\nT3：这个任务属于市住房和城乡建设局/);
  });
});

describe('command words', () => {
  it('asks about a near miss and runs nothing', async () => {
    expect(await last('sthj.agent', '报道 T1')).toBe('你是不是要「报到」？发送「报到 T1」。');
    expect((await h.prisma.task.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('posted');
  });
});

describe('登记项目 fields', () => {
  it('reads fields separated by full-width commas and repeats the amount as understood', async () => {
    const reply = await last('window', '登记项目 名称：储能电站，投资：800000000元，企业：某某储能公司');
    expect(reply).toMatch(/^已登记 P2 储能电站（投资 8亿元，已签约）。/);
  });

  it('refuses an unknown field with the list of known ones', async () => {
    const reply = await last('window', '登记项目 名称：储能电站 投资额度：8亿');
    expect(reply).toMatch(
      /^没有「投资额度」这个字段。可以写的字段：名称、内容、投资、行业、责任单位、企业、联系人、包抓领导、签约日期、土地摘牌日期、目标任务、时间节点、预计开工。/,
    );
    expect(await h.prisma.project.count()).toBe(1);
  });

  it('keeps 30000000元 below the 5,000万元 threshold and refuses an absurd amount', async () => {
    expect(await last('window', '登记项目 名称：小仓库 投资：30000000元')).toContain('投资低于帮办代办标准 5000万元');
    expect(await last('window', '登记项目 名称：大项目 投资：80000亿')).toBe('投资「80000亿」超过 1万亿元，请检查单位，例如 8亿、8000万 或 800000000元。');
  });
});
