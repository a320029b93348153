// 进度 and 档案: lights, masked mobiles, and who may read what.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPerson } from '../support/find-person.js';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject, runEscalation } from './story-steps.js';

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

describe('进度', () => {
  it('shows each task with its light: an overdue card is red, and so is the project', async () => {
    h.clock.advanceMinutes(45);
    const [reply] = await h.say('window', '进度 P1');
    expect(reply?.text).toBe(
      [
        '🔴 P1 光伏组件项目',
        '服务：审批中 · 立项用地规划许可 · 项目：签约',
        '投资：3.5亿元 · 某某新能源公司',
        '企业联系人：张三 13900001111',
        '下一期限：T2 报到 11-23 10:30',
        // 90 working days after signing 2026-11-02, counted through 2027's derived holidays (春节 and 第六条).
        '开工期限：2027-03-15（暂定）',
        '任务：',
        '🟢 T1 环境影响评价审批 · 市生态环境局 · 办理中 45 分钟，2026-12-14 前办结',
        '🔴 T2 建筑工程施工许可证 · 市住房和城乡建设局 · 待报到，已派单 45 分钟（11-23 10:30 前报到）',
      ].join('\n'),
    );
  });

  it('turns a task yellow when its promised date is two working days away', async () => {
    await h.say('zjj.agent', '报到 T2');
    // T2 is due Thursday 11-26 (3 working days from Monday); on Tuesday it is two away.
    h.clock.set('2026-11-24T09:00:00+08:00');
    const text = (await h.say('window', '进度 P1'))[0]?.text ?? '';
    expect(text).toContain('🟡 T2 建筑工程施工许可证');
    expect(text.startsWith('🟡 P1')).toBe(true);
  });

  it('masks the contact mobile for 重点项目办 and an agent, not for the window or the team leader', async () => {
    expect((await h.say('office', '进度 P1'))[0]?.text).toContain('企业联系人：张三 139****1111');
    expect((await h.say('leader.a', '进度 P1'))[0]?.text).toContain('企业联系人：张三 13900001111');
    await h.say('window', '组建团队 P1 部门 生态环境局');
    expect((await h.say('zjj.agent', '进度 P1'))[0]?.text).toContain('企业联系人：张三 139****1111');
  });

  it('shows the enterprise its own project without contact details', async () => {
    const text = (await h.say('ent.zhang', '进度'))[0]?.text ?? '';
    expect(text).toMatch(/^🔴|^🟢/);
    expect(text).toContain('T1 环境影响评价审批');
    expect(text).not.toContain('1111');
  });

  it('keeps a county leader out of projects he is not on', async () => {
    expect((await h.say('leader.b', '进度 P1'))[0]?.text).toBe('这个项目与你的单位无关，你不能查看。');
    expect((await h.say('leader.b', '进度'))[0]?.text).toBe('目前没有与你有关的在办项目。');
  });

  it('lists exactly the projects a person may open: one access rule for both', async () => {
    // 县领导乙's unit (县政府) joins P1's team: a county leader reads a project by leading it or being
    // on its team, not through his unit, so P1 is neither listed nor readable for him.
    const unit = await h.prisma.unit.findFirstOrThrow({ where: { people: { some: { accounts: { some: { account: 'leader.b' } } } } } });
    await h.prisma.teamUnit.create({ data: { projectId: 1, unitId: unit.id } });
    expect((await h.say('leader.b', '进度'))[0]?.text).toBe('目前没有与你有关的在办项目。');
    expect((await h.say('leader.b', '进度 P1'))[0]?.text).toBe('这个项目与你的单位无关，你不能查看。');
    // Once on the team as a person, he both sees it listed and may open it.
    await h.prisma.teamMember.create({ data: { projectId: 1, personId: (await findPerson(h.prisma, 'leader.b')).id, role: 'leader' } });
    expect((await h.say('leader.b', '进度'))[0]?.text).toMatch(/P1 光伏组件项目/);
    expect((await h.say('leader.b', '进度 P1'))[0]?.text).toMatch(/^.*P1 光伏组件项目/);
  });

  it('lists the projects an agent works on', async () => {
    expect((await h.say('sthj.agent', '进度'))[0]?.text).toBe('🟢 P1 光伏组件项目 · 服务：审批中 · 项目：签约\n查看详情：进度 P编号');
  });
});

describe('档案', () => {
  it('shows every step with who, role, channel and time, system escalations included', async () => {
    h.clock.advanceMinutes(31);
    await runEscalation(h);
    const text = (await h.say('office', '档案 P1'))[0]?.text ?? '';
    const lines = text.split('\n');
    expect(lines[0]).toBe('P1 光伏组件项目 档案（13 条）');
    expect(lines).toContainEqual(expect.stringMatching(/^11-23 10:00 张三（企业联络员·本地聊天）送达企业：【一次性告知】P1 光伏组件项目/));
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）一次性告知企业 2 个事项的材料');
    expect(lines).toContain('11-23 10:00 专窗小李（专窗·本地聊天）登记项目');
    expect(lines).toContain('11-23 10:00 张三（企业联络员·本地聊天）企业联络员绑定');
    expect(lines).toContain('11-23 10:00 生态环境局代办员（代办员·本地聊天）T1 报到（派单后 0 分钟）');
    expect(lines).toContain(
      '11-23 10:31 系统（系统）T2 超时未报到，第 1 级提醒，已提醒 市住房和城乡建设局 代办员 住房和城乡建设局代办员、市住房和城乡建设局 责任领导 住房和城乡建设局责任领导、市政务服务中心 专窗 专窗小李',
    );
  });

  it('is closed to an agent of an unrelated unit', async () => {
    expect((await h.say('gd.agent', '档案 P1'))[0]?.text).toBe('这个项目与你的单位无关，你不能查看。');
  });
});
