// 登记项目 and 受理 through the chat: what the window sees, what is stored, and the refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../support/find-person.js';
import { createHarness, type Harness } from '../support/harness.js';
import { register, REGISTER } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

describe('登记项目', () => {
  it('registers a signed project with a bind code and keeps the mobile out of the event log', async () => {
    const [reply, ...others] = await h.say('window', REGISTER);
    expect(others).toEqual([]);
    expect(reply?.text).toMatch(/^已登记 P1 光伏组件项目（投资 3.5亿元，已签约）。/);
    expect(reply?.text).toMatch(/绑定码：\d{6}（7 天内有效，只能用一次）/);
    expect(reply?.text).toContain('下一步：受理 P1');
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(project).toMatchObject({
      stage: 'signed',
      service: 'unaccepted',
      eligible: true,
      contactName: '张三',
      contactMobile: '13900001111',
      enterprise: '某某新能源公司',
    });
    expect(Number(project.investmentWan)).toBe(35000);
    const leader = await findPerson(h.prisma, 'leader.a');
    expect(project.leaderId).toBe(leader.id);
    const events = await h.prisma.event.findMany({ where: { projectId: 1 } });
    expect(events.map((event) => event.kind)).toEqual(['project.registered']);
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain('13900001111');
  });

  it("asks for the 责任单位 the README example leaves out, instead of making it the window's own unit", async () => {
    const [reply] = await h.say('window', '登记项目 名称：光伏组件项目 投资：3.5亿 包抓领导：县领导甲');
    expect(reply?.text).toContain('未写责任单位：请补充，发送「修改项目 P1 责任单位：单位名称」。');
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).leadUnitId).toBeNull();
    await h.say('window', '修改项目 P1 责任单位：发改委');
    const unit = await h.prisma.unit.findFirstOrThrow({ where: { name: '市发展和改革委员会' } });
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).leadUnitId).toBe(unit.id);
  });

  it('uses the county default 责任单位 the policy names, and says so', async () => {
    await h.close();
    h = await createHarness({ policy: { defaultLeadUnit: '投资促进局' } });
    const [reply] = await h.say('window', '登记项目 名称：光伏组件项目 投资：3.5亿 包抓领导：县领导甲');
    expect(reply?.text).toContain('未写责任单位，按本县默认定为市投资促进局（改：修改项目 P1 责任单位：单位名称）。');
    const unit = await h.prisma.unit.findFirstOrThrow({ where: { name: '市投资促进局' } });
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).leadUnitId).toBe(unit.id);
  });

  it('takes 目标任务, 时间节点 and 预计开工, but leaves stage dates to their commands', async () => {
    const [refused] = await h.say('window', '登记项目 名称：储能电站 投资：8亿 开工日期：2026-11-20');
    expect(refused?.text).toBe('登记项目不写开工日期。请先登记，再发「开工 P12 日期」。');
    const [reply] = await h.say('window', '登记项目 名称：储能电站 投资：8亿 目标任务：年内摘牌 时间节点：12月底摘牌，3月开工 预计开工：2027-03-01');
    expect(reply?.text).toMatch(/^已登记 P1 储能电站/);
    const project = await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } });
    expect(project).toMatchObject({ targetTasks: '年内摘牌', timeNodes: '12月底摘牌，3月开工', stage: 'signed' });
    expect(project.expectedStartOn?.toISOString().slice(0, 10)).toBe('2027-03-01');
  });

  it('registers a project below 5,000万元 but marks it not eligible, and 受理 refuses it', async () => {
    const [reply] = await h.say('window', '登记项目 名称：小型仓储 投资：3000万 联系人：李四');
    expect(reply?.text).toContain('投资低于帮办代办标准 5000万元，项目已登记，但不纳入帮办代办。');
    expect(reply?.text).not.toContain('下一步');
    expect((await h.say('window', '受理 P1'))[0]?.text).toBe('P1 投资低于帮办代办标准，不能受理。');
  });

  it('explains an investment it cannot read and registers nothing', async () => {
    const [reply] = await h.say('window', '登记项目 名称：光伏 投资：三个多亿');
    expect(reply?.text).toBe('看不懂投资「三个多亿」，请写成 3.5亿、8000万、三千万 或 30000000元。');
    expect(await h.prisma.project.count()).toBe(0);
  });

  it('asks for the name and investment when they are missing', async () => {
    const [reply] = await h.say('window', '登记项目 企业：某某公司');
    expect(reply?.text).toMatch(/^缺少名称和投资，例如：/);
    expect((await h.say('window', '登记项目 名称：光伏，企业：某某公司'))[0]?.text).toMatch(/^缺少投资，例如：/);
  });

  it('is refused to an agent in one line', async () => {
    const [reply] = await h.say('sthj.agent', REGISTER);
    expect(reply?.text).toBe('「登记项目」只有管理员、专窗、重点项目办、招商服务中心可以使用。发送「帮助」查看你能用的命令。');
  });
});

describe('受理', () => {
  it('accepts the project, sets the team deadline one working day later and tells the other window staff', async () => {
    await register(h);
    const received = await h.say('invest', '受理 P1');
    // 2026-11-23 is a Monday; the team is due Tuesday.
    expect(received.find((item) => item.recipient === 'invest')?.text).toBe('已受理 P1 光伏组件项目。请在 2026-11-24 前组建团队：组建团队 P1');
    expect(received.find((item) => item.recipient === 'window')?.text).toContain('P1 光伏组件项目 已受理帮办代办');
    expect(await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ service: 'accepted', stage: 'signed' });
    expect((await h.say('window', '受理 P1'))[0]?.text).toBe('P1 已受理，不能再受理。');
  });

  it('offers a numbered list for an ambiguous name', async () => {
    await register(h);
    await register(h, '登记项目 名称：光伏电站项目 投资：2亿');
    const [reply] = await h.say('window', '受理 光伏');
    expect(reply?.text).toBe('有多个项目符合，请用编号重发，例如「受理 P1」：\n1. P1 光伏组件项目\n2. P2 光伏电站项目');
    expect((await h.say('window', '受理 电站'))[0]?.text).toContain('已受理 P2 光伏电站项目');
  });
});
