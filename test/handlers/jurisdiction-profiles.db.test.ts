// Where a county's profile (POLICY_PRESET) changes what people see, against 镇平 (the default), and
// 设置 showing the values in force with where each came from (docs/domain.md "Profiles").
import { afterEach, describe, expect, it } from 'vitest';
import { runSchedules } from '../../cron/schedules/run-schedules.js';
import { createHarness, type Harness, type HarnessOptions } from '../support/harness.js';

const SMALL = '登记项目 名称：仓储物流中心 投资：2000万 企业：某某物流公司 包抓领导：县领导甲';

let h: Harness;
const open = async (options: HarnessOptions): Promise<Harness> => (h = await createHarness(options));
const reply = async (account: string, text: string): Promise<string | undefined> => (await h.say(account, text)).at(-1)?.text;
afterEach(async () => {
  await h.close();
});

describe('营口 serves projects from 1,000万 (001 帮扶 一(一))', () => {
  it('takes a 2,000万 project into 帮办代办 and 受理 accepts it', async () => {
    await open({ preset: '营口' });
    const registered = await reply('window', SMALL);
    expect(registered).toMatch(/^已登记 P1 仓储物流中心（投资 2000万元，已签约）。/);
    expect(registered).not.toContain('低于帮办代办标准');
    expect(registered).toContain('下一步：受理 P1');
    expect(await reply('window', '受理 P1')).toMatch(/^已受理 P1/);
  });

  it('while 镇平 registers the same project outside 帮办代办 and refuses 受理', async () => {
    await open({});
    expect(await reply('window', SMALL)).toContain('投资低于帮办代办标准 5000万元，项目已登记，但不纳入帮办代办。');
    expect(await reply('window', '受理 P1')).toBe('P1 投资低于帮办代办标准，不能受理。');
  });
});

describe('营口: a problem gets a first answer within 3 days (001 洽谈 二(二)3)', () => {
  it("reminds the project's leader on the 3rd day, once, when nobody answered", async () => {
    await open({ preset: '营口' });
    // A new installation marks what is open at its first pass.
    await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
    await reply('window', SMALL);
    // Monday 2026-11-23 10:00.
    expect(await reply('window', '问题 P1 用地指标不足')).toMatch(/^已登记问题 Q1/);
    const remindersOn = async (date: string): Promise<string[]> => {
      h.messenger.clear();
      h.clock.set(`${date}T09:00:00+08:00`);
      await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
      await h.app.deliver();
      return h.textsTo('leader.a').filter((text) => text.includes('未答复'));
    };
    expect(await remindersOn('2026-11-24')).toEqual([]);
    expect(await remindersOn('2026-11-25')).toEqual([]);
    expect(await remindersOn('2026-11-26')).toEqual([expect.stringContaining('Q1 P1：用地指标不足 · 3 天未答复')]);
    expect(await remindersOn('2026-11-27')).toEqual([]);
  });
});

describe('营口: a project of 5亿 or more, not real estate, is led by a city-level leader (001 帮扶 一(二))', () => {
  const teamReply = async (registration: string): Promise<string> => {
    await reply('window', registration);
    await reply('window', '受理 P1');
    return (await reply('window', '组建团队 P1'))!;
  };
  const LINE = '投资 5亿元以上（不含房地产），应由市级领导牵头帮扶。';

  it('says so when the team is formed', async () => {
    await open({ preset: '营口' });
    expect(await teamReply('登记项目 名称：新材料产业园 投资：5亿 行业：新材料 包抓领导：县领导甲')).toContain(LINE);
  });

  it('not for real estate', async () => {
    await open({ preset: '营口' });
    expect(await teamReply('登记项目 名称：滨海商住小区 投资：8亿 行业：房地产 包抓领导：县领导甲')).not.toContain('市级领导');
  });

  it('not below 5亿', async () => {
    await open({ preset: '营口' });
    expect(await teamReply('登记项目 名称：新材料产业园 投资：4.9亿 行业：新材料 包抓领导：县领导甲')).not.toContain('市级领导');
  });

  it('while 镇平 has no tier', async () => {
    await open({});
    const zhenping = await teamReply('登记项目 名称：新材料产业园 投资：8亿 行业：新材料 包抓领导：县领导甲');
    expect(zhenping).toMatch(/^P1 团队已组建/);
    expect(zhenping).not.toContain('市级领导');
  });
});

describe('中卫 serves every project, whatever its investment (004 二(一))', () => {
  it('takes a 200万 project into 帮办代办', async () => {
    await open({ preset: '中卫' });
    const registered = await reply('window', '登记项目 名称：农产品冷库 投资：200万 包抓领导：县领导甲');
    expect(registered).not.toContain('低于帮办代办标准');
    expect(await reply('window', '受理 P1')).toMatch(/^已受理 P1/);
  });
});

describe('设置', () => {
  it('shows the admin each value in force and where it came from, in one WeCom message', async () => {
    await open({ preset: '营口', policy: { problemFirstAnswerDays: 2, weekly: { meeting: '15:00' } } });
    const text = (await reply('admin', '设置'))!;
    expect(text.split('\n')).toEqual([
      '本县规则（改：POLICY_PRESET 或 POLICY_FILE，重启后生效）',
      '· 帮办代办：投资 1000万元起（预设 营口）',
      '· 单位报到：30 分钟，60 分钟未报到告知领导（默认）',
      '· 未报到催办：每个工作日 08:30，第 3 个工作日起督办（默认）',
      '· 组建团队 1 个工作日，服务方案 1 个工作日（默认）',
      '· 办公时间：08:30–12:00、14:30–18:00（默认）',
      '· 开工期限：签约后 90、摘牌后 50 个工作日（默认）',
      '· 期限提醒：剩 30、10、5 个工作日时 09:00（默认）',
      '· 每周：周二 09:00 征集问题（16:00 提醒），周三 09:00 报县领导，周五 15:00 例会（默认、POLICY_FILE）',
      '· 每月 09:00：1 日签约清单，3 日开工台账，5 日交办，20 日月报，22 日排名，28 日集中签约（默认）',
      '· 逾期督办：第 3 个工作日告知责任领导，第 5 个起督办（默认）',
      '· 问题答复期限：2 天，过期提醒领导（POLICY_FILE）',
      '· 问题超过 14 天列入周五例会（默认）',
      '· 投诉答复、差评回访：7 个工作日内（预设 营口）',
      '· 领导分级：投资 5亿元以上（不含房地产）由市级领导牵头（预设 营口）',
      '· 服务绿卡：未启用（默认）',
      '· 未写责任单位：登记时请补写（默认）',
      '· 备份：每晚 03:00，保留 14 份（默认）',
    ]);
    expect(Buffer.byteLength(text)).toBeLessThan(1800);
  });

  it('is refused to everyone but the admin, with what to type instead', async () => {
    await open({});
    expect(await reply('office', '设置')).toBe('「设置」只有管理员可以使用。发送「帮助」查看你能用的命令。');
  });

  it("is in the admin's 帮助 and no one else's", async () => {
    await open({});
    expect(await reply('admin', '帮助')).toContain('· 设置 — 查看本县规则及其来源');
    expect(await reply('office', '帮助')).not.toContain('设置');
  });
});
