// 档案 (一事一档, 002 五(十)): items by name, escalations naming who was told, what reached the
// enterprise and when, and pages beyond 100 lines.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../support/find-person.js';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject, register, runEscalation } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

/** The reply, joined again where the outbox split it for the platform. */
const archiveOf = async (text: string, account = 'window') =>
  (await h.say(account, text))
    .filter((item) => item.recipient === account && item.reply)
    .map((item) => item.text)
    .join('\n')
    .split('\n');

describe('档案 lines', () => {
  it('name items, not catalogue codes, and the people an escalation told', async () => {
    await preparePlannedProject(h);
    await h.say('window', '方案 P1 增加 取水');
    await h.say('window', '派单 P1 环评 施工许可');
    await h.say('sthj.agent', '报到 T1');
    h.clock.advanceMinutes(31);
    await runEscalation(h);
    h.clock.advanceMinutes(30);
    await runEscalation(h);

    const lines = await archiveOf('档案 P1');
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）方案增加 「取水许可」');
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）T1 派单「环境影响评价审批」');
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）T2 派单「建筑工程施工许可证」');
    expect(lines).toContain(
      '11-23 10:31 系统（系统）T2 超时未报到，第 1 级提醒，已提醒 市住房和城乡建设局 代办员 住房和城乡建设局代办员、市住房和城乡建设局 责任领导 住房和城乡建设局责任领导、市政务服务中心 专窗 专窗小李',
    );
    expect(lines).toContain('11-23 11:01 系统（系统）T2 超时未报到，第 2 级提醒，已提醒 县政府 县领导 县领导甲、重点项目办 重点项目办小赵');
    const codes = (await h.prisma.catalogueItem.findMany({ select: { code: true } })).map((item) => item.code);
    expect(lines.filter((line) => codes.some((code) => line.includes(code)))).toEqual([]);
  });
});

describe('deliveries to the enterprise', () => {
  it('appear when they were delivered, for this project only, without the replies to its own commands', async () => {
    await preparePlannedProject(h);
    await h.say('ent.zhang', `绑定 ${await register(h, '登记项目 名称：风电装备制造项目 投资：12000万元 联系人：张三 13900001111')}`);
    await h.say('window', '派单 P1 环评');
    await h.say('sthj.agent', '报到 T1');
    h.clock.advanceMinutes(15);
    await h.say('sthj.agent', '办结 T1 已出具环评批复');
    await h.say('ent.zhang', '进度 P1');
    await h.say('window', '终止 P2 企业主动撤回');

    const lines = await archiveOf('档案 P1');
    const delivered = lines.filter((line) => line.includes('送达'));
    expect(delivered).toEqual([
      '11-23 10:00 张三（企业联络员·本地聊天）送达企业：【一次性告知】P1 光伏组件项目 办理以下事项需要企业提供的全部材料： 「环境影响评价审批」（T1） 1. 环评审批申请…',
      '11-23 10:15 张三（企业联络员·本地聊天）送达企业：T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）',
    ]);
    // In time order with the events that caused them.
    expect(lines.indexOf(delivered[0]!)).toBeGreaterThan(lines.findIndex((line) => line.endsWith('一次性告知企业 1 个事项的材料')));
    expect((await archiveOf('档案 P2')).filter((line) => line.includes('送达'))).toEqual([
      '11-23 10:15 张三（企业联络员·本地聊天）送达企业：P2 风电装备制造项目 帮办代办服务已终止，原因：企业主动撤回。请为本次服务评价：评价 P2 5 意见（1–5 分）',
    ]);
  });

  it('say when a notice has not reached the enterprise yet', async () => {
    await preparePlannedProject(h);
    await h.say('window', '派单 P1 环评');
    await h.say('sthj.agent', '报到 T1');
    // The result is queued, and the archive is read before the sender loop has delivered it.
    await h.app.receive({
      platform: 'local',
      type: 'text',
      account: 'sthj.agent',
      text: '办结 T1 已出具环评批复',
      dedupKey: randomUUID(),
      at: h.clock.now().toISOString(),
    });
    await h.app.processInbound();
    const lines = await archiveOf('档案 P1');
    expect(lines.filter((line) => line.includes('送达'))).toEqual([
      expect.stringMatching(/^11-23 10:00 张三（企业联络员·本地聊天）送达企业：【一次性告知】/),
      expect.stringMatching(/^\d\d-\d\d \d\d:\d\d 张三（企业联络员）待送达企业：T1 环境影响评价审批（P1 光伏组件项目）已办结：已出具环评批复（市生态环境局）$/),
    ]);
  });
});

describe('委托 and 回访', () => {
  it('record the entrustment (全程 or items) and each revisit, shown in 档案; only coordinators may', async () => {
    await preparePlannedProject(h);
    expect((await h.say('window', '委托 P1')).at(-1)?.text).toBe('请写明委托全程还是部分事项，例如「委托 P1 全程」或「委托 P1 部分 环评 施工许可」。');
    expect((await h.say('window', '委托 P1 部分 环评 消防验收 电梯')).at(-1)?.text).toBe('事项目录中没有「电梯」。委托协议未登记。');
    const received = await h.say('window', '委托 P1 部分 环评 施工许可 委托人 李四');
    expect(received.at(-1)?.text).toBe(
      '已登记 P1 委托协议：部分帮办代办：「环境影响评价审批」「建筑工程施工许可证」（委托方 某某新能源公司 李四）。已告知企业。',
    );
    expect(received.find((item) => item.recipient === 'ent.zhang')?.text).toBe(
      'P1 光伏组件项目 帮办代办委托协议已登记：部分帮办代办：「环境影响评价审批」「建筑工程施工许可证」。',
    );
    expect((await h.say('window', '委托 P1 全程 委托人：王五')).at(-1)?.text).toBe(
      '已登记 P1 委托协议：全程帮办代办（委托方 某某新能源公司 王五）。已告知企业。',
    );
    await h.say('window', '委托 P1 全程');
    expect((await h.say('zjj.agent', '委托 P1 全程')).at(-1)?.text).toMatch(/^「委托」只有/);

    expect((await h.say('window', '回访 P1 企业反馈用电报装已完成')).at(-1)?.text).toBe(
      'P1 的服务还没有结束。回访在办结或终止之后，服务期间请用「问题 P1 …」反映情况。',
    );
    await h.say('window', '终止 P1 企业调整投资计划');
    expect((await h.say('window', '回访 P1')).at(-1)?.text).toBe('请写明回访情况，例如「回访 P1 企业反馈用电报装已完成」。');
    expect((await h.say('window', '回访 P1 企业反馈用电报装已完成，拟明年扩产')).at(-1)?.text).toBe(
      '已记录 P1 光伏组件项目 第 1 次回访，可在「档案 P1」查看。',
    );
    h.clock.advanceMinutes(60);
    expect((await h.say('office', '回访 光伏 电话回访：企业满意')).at(-1)?.text).toBe('已记录 P1 光伏组件项目 第 2 次回访，可在「档案 P1」查看。');
    expect((await h.say('sthj.agent', '回访 P1 很好')).at(-1)?.text).toMatch(/^「回访」只有/);

    const lines = await archiveOf('档案 P1');
    expect(lines).toContain(
      '11-23 10:00 专窗小李（专窗·本地聊天）签订委托协议：部分帮办代办「环境影响评价审批」「建筑工程施工许可证」（委托方 某某新能源公司 李四）',
    );
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）签订委托协议：全程帮办代办（委托方 某某新能源公司 张三）');
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）回访：企业反馈用电报装已完成，拟明年扩产');
    expect(lines).toContain('11-23 11:00 重点项目办小赵（重点项目办·本地聊天）回访：电话回访：企业满意');
    expect(await h.prisma.event.count({ where: { kind: { in: ['project.entrusted', 'project.revisited'] } } })).toBe(5);
  });

  it('委托 waits for 受理 and ends with the service', async () => {
    await register(h);
    expect((await h.say('window', '委托 P1 全程')).at(-1)?.text).toBe('P1 尚未受理。委托协议在受理之后签订，请先发送「受理 P1」。');
    await h.say('window', '受理 P1');
    expect((await h.say('window', '委托 P1 全程 环评')).at(-1)?.text).toBe('全程委托不用列事项；只委托部分事项时请写「委托 P1 部分 环评 施工许可」。');
    expect((await h.say('window', '委托 P1 全程')).at(-1)?.text).toBe('已登记 P1 委托协议：全程帮办代办（委托方 某某新能源公司 张三）。');
    await h.say('window', '终止 P1 企业主动撤回');
    expect((await h.say('window', '委托 P1 全程')).at(-1)?.text).toBe('P1 已终止，不能再签订委托协议。');
  });
});

describe('pages', () => {
  it('shows 100 lines a page, says how to open the next, and answers a page past the end', async () => {
    await register(h);
    const window = await findPerson(h.prisma, 'window');
    const start = h.clock.now().getTime();
    await h.prisma.event.createMany({
      data: Array.from({ length: 129 }, (_, index) => ({
        at: new Date(start + (index + 1) * 60_000),
        actorId: window.id,
        actorRole: 'window',
        channel: 'local',
        kind: 'project.revisited',
        projectId: 1,
        after: { text: `第 ${index + 1} 次回访` },
      })),
    });

    const first = await archiveOf('档案 P1');
    expect(first[0]).toBe('P1 光伏组件项目 档案（130 条，第 1/2 页）');
    expect(first[1]).toBe('11-23 10:00 专窗小李（专窗·本地聊天）登记项目');
    expect(first).toHaveLength(102);
    expect(first[100]).toBe('11-23 11:39 专窗小李（专窗·本地聊天）回访：第 99 次回访');
    expect(first[101]).toBe('下一页：档案 P1 第2页');

    const second = await archiveOf('档案 P1 第2页');
    expect(second[0]).toBe('P1 光伏组件项目 档案（130 条，第 2/2 页）');
    expect(second.slice(1)).toHaveLength(30);
    expect(second[1]).toBe('11-23 11:40 专窗小李（专窗·本地聊天）回访：第 100 次回访');
    expect(second.at(-1)).toBe('11-23 12:09 专窗小李（专窗·本地聊天）回访：第 129 次回访');
    expect(await archiveOf('档案 P1 2')).toEqual(second);

    expect(await archiveOf('档案 P1 第3页')).toEqual(['P1 光伏组件项目 档案共 130 条、2 页，没有第 3 页。最后一页：档案 P1 第2页']);
    expect(await archiveOf('档案 P1 下一页')).toEqual(['请写页码，例如「档案 P1 第2页」。']);
  });
});
