// 绵阳's 服务绿卡 (000), the module only its profile turns on: who applies, who issues and revokes, the
// renewal reminder 60 days before the card ends, once, and the three-year bar after a revocation.
import { afterEach, describe, expect, it } from 'vitest';
import { WECOM_TEXT_MAX_BYTES } from '../../bot/wecom/create-wecom-messenger.js';
import { runSchedules } from '../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

const CHIPS = '登记项目 名称：智能终端产业园 投资：6亿 行业：电子信息 企业：某某电子公司 联系人：张三 13700001111 包抓领导：县领导甲';

let h: Harness;
afterEach(async () => {
  await h.close();
});
const reply = async (account: string, text: string): Promise<string | undefined> => (await h.say(account, text)).at(-1)?.text;

/** 绵阳, P1 registered and its enterprise contact (ent.zhang) bound. */
async function openMianyang(registration = CHIPS): Promise<void> {
  h = await createHarness({ preset: '绵阳' });
  // A new installation marks what is open at its first pass.
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await h.say('ent.zhang', `绑定 ${await register(h, registration)}`);
}

/** Runs the schedules at `instant` and returns the renewal reminders each account received. */
async function remindersAt(instant: string): Promise<Record<string, string[]>> {
  h.messenger.clear();
  h.clock.set(instant);
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await h.app.deliver();
  const got: Record<string, string[]> = {};
  for (const item of h.messenger.received.filter((entry) => entry.text.startsWith('【绿卡续用提醒】')))
    got[item.recipient] = [...(got[item.recipient] ?? []), item.text];
  return got;
}

describe('服务绿卡 under 绵阳 (000)', () => {
  it('is applied for by the county, once, and only 招商服务中心 issues it', async () => {
    await openMianyang();
    const applied = await h.say('window', '申请绿卡 P1');
    expect(applied.find((item) => item.recipient === 'invest')?.text).toBe('P1 智能终端产业园 申请服务绿卡，审核后请发送「发放绿卡 P1」。');
    expect(applied.at(-1)?.text).toBe('已申请 P1 智能终端产业园 服务绿卡，审核后由招商服务中心发放。');
    expect(await reply('window', '申请绿卡 P1')).toBe('P1 已申请服务绿卡，等待发放。发送「绿卡 P1」查看。');
    // 000 第四条(二): 市经济合作局 issues; the window may not.
    expect(await reply('window', '发放绿卡 P1')).toBe('「发放绿卡」只有招商服务中心可以使用。发送「帮助」查看你能用的命令。');
  });

  it('is issued by 招商服务中心 for two years, told to the enterprise and the leader, and kept in 档案', async () => {
    await openMianyang();
    await h.say('window', '申请绿卡 P1');
    const issued = await h.say('invest', '发放绿卡 P1');
    expect(issued.at(-1)?.text).toBe('已发放 P1 智能终端产业园 服务绿卡，有效期至 2028-11-23。');
    expect(issued.find((item) => item.recipient === 'ent.zhang')?.text).toBe(
      'P1 智能终端产业园 已获发服务绿卡，有效期至 2028-11-23，到期前 60 天内可申请续用。',
    );
    expect(issued.find((item) => item.recipient === 'leader.a')?.text).toBe('P1 智能终端产业园 已获发服务绿卡，有效期至 2028-11-23。');
    expect(await reply('ent.zhang', '绿卡 P1')).toBe('P1 智能终端产业园 服务绿卡：有效期至 2028-11-23。');
    expect(await reply('invest', '发放绿卡 P1')).toBe('P1 没有待发放的服务绿卡申请，请先发送「申请绿卡 P1」。');
    const archive = (await reply('window', '档案 P1'))!;
    expect(archive).toContain('申请服务绿卡');
    expect(archive).toContain('发放服务绿卡，有效期至 2028-11-23');
  });

  it('refuses a project whose investment is below its industry’s standard (000 第二条)', async () => {
    await openMianyang('登记项目 名称：冷链物流园 投资：8亿 行业：现代物流 包抓领导：县领导甲 联系人：张三 13700001111');
    expect(await reply('window', '申请绿卡 P1')).toBe('P1 投资 8亿元，现代物流项目的服务绿卡标准是 20亿元起。投资有误请发「修改项目 P1 投资：20亿元」。');
    await reply('window', '修改项目 P1 行业：仓储');
    expect(await reply('window', '申请绿卡 P1')).toMatch(
      /^P1 的行业「仓储」不在服务绿卡发放范围（电子信息、汽车、.*）。行业有误请发「修改项目 P1 行业：电子信息」。$/,
    );
    // The corrections the refusals name are ones 修改项目 understands.
    await reply('window', '修改项目 P1 行业：现代物流 投资：20亿元');
    expect(await reply('window', '申请绿卡 P1')).toBe('已申请 P1 冷链物流园 服务绿卡，审核后由招商服务中心发放。');
  });

  it('reminds the enterprise, the leader and 招商服务中心 once, 60 days before the card ends (000 第四条(五))', async () => {
    await openMianyang();
    await h.say('window', '申请绿卡 P1');
    await h.say('invest', '发放绿卡 P1');
    // Valid until 2028-11-23: the window opens 60 days before, on 2028-09-24.
    expect(await remindersAt('2028-09-23T09:00:00+08:00')).toEqual({});
    expect(await remindersAt('2028-09-24T08:59:00+08:00')).toEqual({});
    const text = '【绿卡续用提醒】P1 智能终端产业园 的服务绿卡 2028-11-23 到期，需继续使用请在到期前申请续用：发送「申请绿卡 P1」。';
    expect(await remindersAt('2028-09-24T09:00:00+08:00')).toEqual({ 'ent.zhang': [text], 'leader.a': [text], invest: [text] });
    expect(await remindersAt('2028-09-25T09:00:00+08:00')).toEqual({});
    expect(await reply('window', '档案 P1')).toContain('服务绿卡 2028-11-23 到期，已提醒申请续用');

    // The enterprise applies for the renewal; the new term runs on from the old one's end.
    expect(await reply('ent.zhang', '申请绿卡 P1')).toBe('已申请 P1 智能终端产业园 续用服务绿卡，审核后由招商服务中心发放。');
    expect(await reply('invest', '发放绿卡 P1')).toBe('已续用 P1 智能终端产业园 服务绿卡，有效期至 2030-11-23。');
    expect(await remindersAt('2030-09-24T09:00:00+08:00')).toEqual({
      'ent.zhang': [text.replaceAll('2028', '2030')],
      'leader.a': [text.replaceAll('2028', '2030')],
      invest: [text.replaceAll('2028', '2030')],
    });
  });

  it('refuses a renewal before the last 60 days, with the day it opens', async () => {
    await openMianyang();
    await h.say('window', '申请绿卡 P1');
    await h.say('invest', '发放绿卡 P1');
    expect(await reply('ent.zhang', '申请绿卡 P1')).toBe('P1 的服务绿卡有效期至 2028-11-23，2028-09-24 起可以申请续用。');
  });

  it('bars a new application for three years after a revocation, saying from when (000 第四条(四)1(8))', async () => {
    await openMianyang();
    await h.say('window', '申请绿卡 P1');
    await h.say('invest', '发放绿卡 P1');
    expect(await reply('invest', '注销绿卡 P1')).toBe('请写明注销原因，例如「注销绿卡 P1 企业迁出本市」。');
    const revoked = await h.say('invest', '注销绿卡 P1 企业迁出本市');
    expect(revoked.at(-1)?.text).toBe('已注销 P1 智能终端产业园 服务绿卡（企业迁出本市），2029-11-23 起可以再次申请。');
    expect(revoked.find((item) => item.recipient === 'ent.zhang')?.text).toBe(
      'P1 智能终端产业园 的服务绿卡已注销（企业迁出本市），2029-11-23 起可以再次申请。',
    );
    expect(await reply('ent.zhang', '绿卡 P1')).toBe('P1 智能终端产业园 服务绿卡：2026-11-23 注销（企业迁出本市），2029-11-23 起可以再次申请。');
    // No reminder for a revoked card.
    expect(await remindersAt('2028-09-24T09:00:00+08:00')).toEqual({});
    h.clock.set('2029-11-22T10:00:00+08:00');
    expect(await reply('window', '申请绿卡 P1')).toBe('P1 的服务绿卡已于 2026-11-23 注销，3 年内不得再次申请，2029-11-23 起可以申请。');
    h.clock.set('2029-11-23T10:00:00+08:00');
    expect(await reply('window', '申请绿卡 P1')).toBe('已申请 P1 智能终端产业园 服务绿卡，审核后由招商服务中心发放。');
  });
});

describe('服务绿卡 elsewhere', () => {
  it('is off under 镇平: not in 帮助, refused with what to type instead', async () => {
    h = await createHarness();
    await register(h, CHIPS);
    expect(await reply('window', '申请绿卡 P1')).toBe('本县未启用「申请绿卡」。发送「帮助」查看你能用的命令。');
    expect(await reply('invest', '帮助')).not.toContain('绿卡');
    expect(await h.prisma.greenCard.count()).toBe(0);
  });

  it('is in 帮助 under 绵阳 for whoever may use each command', async () => {
    h = await createHarness({ preset: '绵阳' });
    const invest = (await reply('invest', '帮助'))!;
    expect(invest).toContain('· 发放绿卡 P12 — 审核后发放服务绿卡');
    expect(invest).toContain('· 注销绿卡 P12 企业迁出本市 — 注销服务绿卡，三年内不得再申请');
    expect(await reply('window', '帮助')).not.toContain('发放绿卡');
    // One WeCom message each, with the module's commands added.
    expect(Buffer.byteLength(invest)).toBeLessThanOrEqual(WECOM_TEXT_MAX_BYTES);
    expect(await reply('admin', '帮助')).not.toContain('绿卡');
  });
});
