// 组建团队, 方案 and 事项 through the chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../support/find-person.js';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await register(h);
  await h.say('window', '受理 P1');
});
afterEach(async () => {
  await h.close();
});

describe('组建团队', () => {
  it('proposes the units of the default plan and opens the team group chat', async () => {
    const received = await h.say('window', '组建团队 P1');
    // REGISTER names no 责任单位, so the window's own unit is not in the team (issue 18 item 2).
    const unitList = '市发展和改革委员会、市水务局、市生态环境局、市自然资源局、市住房和城乡建设局';
    expect(received.map((item) => [item.recipient, item.text])).toEqual([
      ['project1', `P1 光伏组件项目 项目管家团队：包抓领导 县领导甲；单位 ${unitList}。`],
      ['window', `P1 团队已组建：包抓领导 县领导甲；单位 ${unitList}（共 11 人）。\n请在 2026-11-24 前制定方案：方案 P1`],
    ]);
    const chat = await h.prisma.groupChat.findUniqueOrThrow({ where: { id: 'project1' } });
    const accounts = await h.prisma.account.findMany({ where: { platform: 'local', personId: { in: chat.memberIds } } });
    expect(chat.ownerId).toBe((await findPerson(h.prisma, 'leader.a')).id);
    expect(chat.projectId).toBe(1);
    expect(accounts).toHaveLength(12);
    expect(accounts.map((row) => row.account)).toEqual(expect.arrayContaining(['window', 'leader.a', 'sthj.agent', 'zjj.leader']));
    expect(accounts.map((row) => row.account)).not.toContain('gd.agent');
  });

  it('takes the leader and units given on the line, by any county spelling of the unit', async () => {
    const received = await h.say('window', '组建团队 P1 领导 县领导乙 部门 县自然资源局 生态环境局');
    expect(received.at(-1)?.text).toMatch(/^P1 团队已组建：包抓领导 县领导乙；单位 市生态环境局、市自然资源局（共 5 人）。/);
    expect((await h.prisma.project.findUniqueOrThrow({ where: { id: 1 } })).leaderId).toBe((await findPerson(h.prisma, 'leader.b')).id);
  });

  it('names units the roster lacks', async () => {
    expect((await h.say('window', '组建团队 P1 部门 气象局'))[0]?.text).toBe('没有「气象局」这个单位，请写名册中的单位名称，例如 自然资源局。');
    expect((await h.say('window', '组建团队 P1 部门 国土'))[0]?.text).toBe('没有「国土」这个单位，你是不是指：自然资源局？');
  });
});

describe('方案', () => {
  beforeEach(async () => {
    await h.say('window', '组建团队 P1');
  });

  it('comes after the team, and 派单 after the plan (002 五(三)–(五)), each refusal saying what to send', async () => {
    const bot = await createHarness();
    try {
      await register(bot);
      await bot.say('window', '受理 P1');
      expect((await bot.say('window', '方案 P1'))[0]?.text).toBe(
        'P1 还没有组建团队。方案由团队制定（一个项目、一名领导、一批人员），请先发送「组建团队 P1 领导 姓名 单位 单位名1 单位名2」。',
      );
      expect((await bot.say('window', '派单 P1 全部'))[0]?.text).toBe('P1 还没有组建团队，请先「组建团队 P1」，再「方案 P1」，然后派单。');
      await bot.say('window', '组建团队 P1 领导 县领导甲 部门 生态环境局 自然资源局');
      expect((await bot.say('window', '派单 P1 全部'))[0]?.text).toBe('P1 还没有服务方案，请先发送「方案 P1」，再派单。');
      // The plan is made of the items the team's units own; the rest is named with the way to add it.
      const plan = (await bot.say('window', '方案 P1'))[0]?.text ?? '';
      expect(plan).toContain('环境影响评价审批');
      expect(plan).not.toContain('· 建筑工程施工许可证');
      expect(plan).toMatch(/团队中没有办理这些事项的单位，未列入方案：.*建筑工程施工许可证/);
      // An item added to the plan whose unit is not on the team is not dispatched, and the reply says how to fix it.
      await bot.say('window', '方案 P1 增加 施工许可');
      const posted = (await bot.say('window', '派单 P1 全部')).at(-1)?.text ?? '';
      expect(posted).toContain(
        '「建筑工程施工许可证」的办理单位市住房和城乡建设局不在团队中，未派单（先「组建团队 P1 单位 … 市住房和城乡建设局」把它加入团队）',
      );
      expect(await bot.prisma.task.count({ where: { itemCode: 'ZJ-02' } })).toBe(0);
    } finally {
      await bot.close();
    }
  });

  it('builds the default plan by phase with units, days and materials', async () => {
    const [reply] = await h.say('window', '方案 P1');
    expect(reply?.text).toMatch(
      /^P1 光伏组件项目 服务方案（8 项）\n一、立项用地规划许可\n· 企业投资项目备案 \[FGW-01\] — 市发展和改革委员会 — 2 个工作日\n  材料：项目备案信息表、营业执照、项目建设内容说明/,
    );
    expect(reply?.text).toContain('三、施工许可\n· 建筑工程施工许可证 [ZJ-02] — 市住房和城乡建设局 — 3 个工作日');
    expect(await h.prisma.event.count({ where: { kind: 'plan.made' } })).toBe(1);
  });

  it('adds and removes items, and keeps an item that was already posted', async () => {
    await h.say('window', '方案 P1');
    expect((await h.say('window', '方案 P1 增加 取水 林地'))[0]?.text).toMatch(/^P1 光伏组件项目 服务方案（10 项）/);
    expect((await h.say('window', '方案 P1 删除 水保'))[0]?.text).toMatch(/^P1 光伏组件项目 服务方案（9 项）/);
    await h.say('window', '派单 P1 环评');
    expect((await h.say('window', '方案 P1 删除 环评'))[0]?.text).toMatch(/^「环境影响评价审批」已派单，不能删除。\nP1 光伏组件项目 服务方案（9 项）/);
    // 林业局 is in the demo roster, so 使用林地审核 goes there rather than to 自然资源局.
    const forest = await h.prisma.planItem.findFirstOrThrow({ where: { itemCode: 'LY-01' } });
    expect(forest.unitId).toBe((await h.prisma.unit.findFirstOrThrow({ where: { name: '市林业局' } })).id);
  });
});

describe('事项', () => {
  it('shows an item to an agent, but only an admin may change the catalogue', async () => {
    expect((await h.say('sthj.agent', '事项 环评'))[0]?.text).toBe(
      'HB-01 环境影响评价审批（立项用地规划许可）\n办理单位：生态环境局\n承诺时限：15 个工作日\n材料：环评审批申请、环境影响报告书（表）、公众参与说明\n简称：环评 · 默认纳入方案',
    );
    expect((await h.say('window', '事项 删除 HB-01'))[0]?.text).toBe('只有管理员可以修改事项目录。');
  });

  it('lets an admin add, change and retire items; new plans use the edited catalogue', async () => {
    const added = await h.say(
      'admin',
      '事项 增加\n代码：QX-01\n名称：雷电防护装置设计审核\n阶段：2\n单位：气象局\n材料：设计审核申请表、防雷设计文件\n时限：5\n默认：是',
    );
    expect(added[0]?.text).toBe(
      '已增加事项 QX-01 雷电防护装置设计审核（工程建设许可，气象局，5 个工作日）。\n注意：名册中没有「气象局」，这个事项暂时无法派单。',
    );
    expect((await h.say('admin', '事项 修改 HB-01 时限：10'))[0]?.text).toBe(
      '已修改事项 HB-01 环境影响评价审批（立项用地规划许可，生态环境局，10 个工作日）。',
    );
    expect((await h.say('admin', '事项 删除 水保'))[0]?.text).toBe('已从事项目录删除 SW-03 水土保持方案审批（已有方案不受影响）。');
    await h.say('window', '组建团队 P1');
    const plan = (await h.say('window', '方案 P1'))[0]?.text ?? '';
    // Its unit is in no roster, so no team holds it: named, not planned.
    expect(plan).toMatch(/未列入方案：雷电防护装置设计审核/);
    expect(plan).toContain('· 环境影响评价审批 [HB-01] — 市生态环境局 — 10 个工作日');
    expect(plan).not.toContain('水土保持');
  });
});
