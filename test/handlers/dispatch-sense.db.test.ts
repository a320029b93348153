// Issue 18 item 9: 派单 全部 holds back the 竣工验收 items until 开工 and says so (naming one sends
// it anyway); 撤销 T… withdraws an item (its unit told on the card, the enterprise told, the archive
// notes it, 全部 does not send it again); a pause longer than policy.suspendReportWorkingDays is
// named to 重点项目办 in each Wednesday digest until 恢复, once a week though two passes run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await preparePlannedProject(h);
});
afterEach(async () => {
  await h.close();
});

const replyTo = async (account: string, text: string) => (await h.say(account, text)).at(-1)?.text ?? '';

describe('派单 全部', () => {
  it('holds back 竣工验收 before 开工, says what waits and how to send it, and sends it when named', async () => {
    const reply = await replyTo('window', '派单 P1 全部');
    expect(reply).toMatch(/^已派单 7 项，5 个单位/);
    expect(reply).not.toMatch(/T\d+ 竣工验收备案/);
    expect(reply.split('\n').at(-1)).toBe('竣工验收阶段的 1 项待开工后派单：竣工验收备案。登记开工后发送「派单 P1 全部」派出；现在就派：派单 P1 竣工验收备案');
    expect(await h.prisma.task.count({ where: { phase: 4 } })).toBe(0);

    expect(await replyTo('window', '派单 P1 全部')).toBe(
      '没有派出任务。\n竣工验收阶段的 1 项待开工后派单：竣工验收备案。登记开工后发送「派单 P1 全部」派出；现在就派：派单 P1 竣工验收备案',
    );
    expect(await replyTo('window', '派单 P1 竣工验收备案')).toMatch(/^已派单 1 项，1 个单位.*\n.*T8 竣工验收备案（5 个工作日）/);
  });

  it('names the held items at 开工, and sends them with 全部 once the project has started', async () => {
    await h.say('window', '派单 P1 全部');
    expect(await replyTo('window', '开工 P1 2026-11-23')).toBe(
      'P1 光伏组件项目 已于 2026-11-23 开工。\n竣工验收阶段的 1 项可以派单了：竣工验收备案。发送「派单 P1 全部」',
    );
    expect(await replyTo('window', '派单 P1 全部')).toMatch(/^已派单 1 项，1 个单位.*\n.*T8 竣工验收备案/);
  });
});

describe('撤销', () => {
  it('withdraws an item: the unit sees it on the card, the enterprise is told, the archive notes it, and 全部 does not resend it', async () => {
    await h.say('window', '派单 P1 环评 施工许可');
    const received = await h.say('window', '撤销 T1 企业调整建设方案，暂不办理');
    expect(received.map((item) => [item.recipient, item.message.kind, item.text])).toEqual([
      ['sthj.leader', 'card_update', '〔任务 T1 · 环境影响评价审批〕已撤销：企业调整建设方案，暂不办理 · 专窗小李 · 10:00'],
      ['sthj.agent', 'card_update', '〔任务 T1 · 环境影响评价审批〕已撤销：企业调整建设方案，暂不办理 · 专窗小李 · 10:00'],
      ['ent.zhang', 'text', 'T1 环境影响评价审批（P1 光伏组件项目，市生态环境局）已撤销，原因：企业调整建设方案，暂不办理'],
      ['window', 'text', '已撤销 T1 环境影响评价审批，市生态环境局和企业已收到通知。要再派：派单 P1 环境影响评价审批'],
    ]);
    // The card has no buttons left, and its call is no longer chased.
    expect(received[0]?.message).toMatchObject({ card: { buttons: [] } });
    expect(await h.prisma.call.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: 'cancelled', nextEscalationAt: null });
    expect(await replyTo('window', '档案 P1')).toContain('专窗小李（专窗·本地聊天）T1 撤销：企业调整建设方案，暂不办理');
    expect(await replyTo('sthj.agent', '报到 T1')).toMatch(/已撤销/);

    expect(await replyTo('window', '派单 P1 全部')).not.toContain('环境影响评价审批');
    expect(await replyTo('window', '派单 P1 环评')).toMatch(/^已派单 1 项，1 个单位.*\n.*T\d+ 环境影响评价审批/);
  });

  it('asks for the reason, and refuses a finished item and the units themselves', async () => {
    await h.say('window', '派单 P1 环评');
    expect(await replyTo('window', '撤销 T1')).toBe('请写明原因，例如「撤销 T1 企业调整建设方案，暂不办理」。');
    expect(await replyTo('sthj.agent', '撤销 T1 不办了')).toBe('「撤销」只有管理员、专窗、重点项目办、招商服务中心可以使用。发送「帮助」查看你能用的命令。');
    await h.say('window', '撤销 T1 派错了');
    expect(await replyTo('window', '撤销 T1 派错了')).toBe('这个任务已撤销，不能再办理。');
    expect(await replyTo('window', '撤销 T99 派错了')).toBe('没有找到这个任务，请检查卡片上的任务编号。');
  });
});

describe('a long 中止', () => {
  it('is named to 重点项目办 in each Wednesday digest past the limit, once a week, until 恢复', async () => {
    await h.app.runSchedules(); // the first pass only marks what is open
    await h.say('window', '派单 P1 环评');
    await h.say('sthj.agent', '报到 T1');
    await h.say('sthj.agent', '中止 T1 企业补正材料');
    const officeDigest = async (wednesday: string) => {
      h.clock.set(`${wednesday}T09:05:00+08:00`);
      await Promise.all([h.app.runSchedules(), h.app.runSchedules()]);
      await h.app.deliver();
      return h.messenger
        .to('office')
        .filter((item) => item.message.kind === 'markdown' && item.message.title.startsWith('本周问题汇总'))
        .map((item) => (item.message.kind === 'markdown' ? item.message.text : ''));
    };
    // Wednesday 12-02: 7 working days paused, within the 10 of the policy.
    expect((await officeDigest('2026-12-02')).at(-1)).not.toContain('中止超过');
    // Wednesday 12-09: 12 working days; Wednesday 12-16: 17 — named each week, each once.
    const ninth = await officeDigest('2026-12-09');
    expect(ninth.at(-1)).toContain('**中止超过 10 个工作日**（恢复后不再列出）\n- T1 环境影响评价审批 · 市生态环境局 · P1 光伏组件项目');
    expect(ninth.at(-1)).toContain('：自 2026-11-23 中止，已 12 个工作日');
    const sixteenth = await officeDigest('2026-12-16');
    expect(sixteenth.length).toBe(ninth.length + 1);
    expect(sixteenth.at(-1)).toContain('：自 2026-11-23 中止，已 17 个工作日');
    h.clock.set('2026-12-17T10:00:00+08:00');
    await h.say('sthj.agent', '恢复 T1');
    expect((await officeDigest('2026-12-23')).at(-1)).not.toContain('中止超过');
  });
});
