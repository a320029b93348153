// 问题, 无问题, 答复, 提交例会, 销号 and 月报 through the chat (003 一(三)5(1)(2)).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { REGISTER } from './story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
});
afterEach(async () => {
  await h.close();
});

const reply = async (userid: string, text: string) => (await h.say(userid, text)).find((item) => item.recipient === userid)?.text;

describe('问题', () => {
  it('registers a problem from the responsible unit, classified, and records the week as answered', async () => {
    expect(await reply('zrzy.agent', '问题 P1 土地摘牌迟迟未完成 建议：县里协调')).toBe('已登记问题 Q1（P1 光伏组件项目，用地），周三汇总报包抓领导。');
    const problem = await h.prisma.problem.findUniqueOrThrow({ where: { id: 1 } });
    expect(problem).toMatchObject({ category: '用地', suggestion: '县里协调', state: 'open', leaderId: expect.any(Number) });
    expect(await h.prisma.weeklyAnswer.findMany()).toMatchObject([{ projectId: 1, week: '2026-W48', none: false }]);
    expect(await h.prisma.event.count({ where: { kind: 'problem.reported' } })).toBe(1);
  });

  it('takes 无问题 as an answer, either way it is typed', async () => {
    expect(await reply('zrzy.agent', '无问题 P1')).toBe('已记录：P1 光伏组件项目 本周无问题。');
    expect(await reply('zrzy.agent', '问题 P1 无')).toBe('已记录：P1 光伏组件项目 本周无问题。');
    expect(await h.prisma.weeklyAnswer.findMany()).toMatchObject([{ week: '2026-W48', none: true }]);
  });

  it('refuses people outside the project', async () => {
    expect(await reply('lyj.agent', '问题 P1 用地')).toBe('这个项目与你的单位无关，你不能查看。');
    expect(await reply('zrzy.agent', '问题 P1')).toBe('请写明问题，例如「问题 P12 土地摘牌未完成 建议：协调自然资源局」。');
  });
});

describe('答复, 提交例会, 销号', () => {
  beforeEach(async () => {
    await h.say('zrzy.agent', '问题 P1 施工许可证办理慢');
  });

  it('walks a problem from answer to the meeting to 销号, telling the reporter each time', async () => {
    const answered = await h.say('window', '答复 Q1 已协调住建局');
    expect(answered.map((item) => [item.recipient, item.text])).toEqual([
      ['zrzy.agent', '专窗小李答复Q1（P1 光伏组件项目：施工许可证办理慢）：已协调住建局'],
      ['window', 'Q1（P1 光伏组件项目：施工许可证办理慢）已答复。'],
    ]);
    expect(await reply('window', '提交例会 Q1 请主要领导协调')).toBe('「提交例会」只有县领导可以使用。发送「帮助」查看你能用的命令。');
    expect(await reply('leader.b', '提交例会 Q1 请主要领导协调')).toBe('没有找到问题 Q1。');
    const escalated = await h.say('leader.a', '提交例会 Q1 请主要领导协调住建局');
    expect(escalated.map((item) => item.recipient)).toEqual(['office', 'zrzy.agent', 'leader.a']);
    expect(await reply('leader.a', '提交例会 Q1 再次')).toBe('Q1 已提交例会，不能提交例会。');
    expect(await reply('zrzy.agent', '销号 Q1')).toBe('只有包抓领导、重点项目办和主要领导可以销号。');
    expect(await reply('office', '销号 Q1')).toBe('Q1（P1 光伏组件项目：施工许可证办理慢）已销号。');
    expect(await reply('window', '答复 Q1 补充')).toBe('Q1 已销号，不能答复。问题仍在的，请重新反映：问题 P1 <描述>');
    const kinds = (await h.prisma.event.findMany({ where: { kind: { startsWith: 'problem.' } }, orderBy: { id: 'asc' } })).map((event) => event.kind);
    expect(kinds).toEqual(['problem.reported', 'problem.answered', 'problem.escalated', 'problem.closed']);
    expect(await h.prisma.problem.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ state: 'closed', leaderOpinion: '请主要领导协调住建局' });
  });
});

describe('月报', () => {
  it('keeps one report per project and month', async () => {
    expect(await reply('zrzy.agent', '月报 P1 1200万 主体厂房封顶')).toBe('已收到 P1 2026-11 月报：完成投资 1200万元，主体厂房封顶。');
    expect(await reply('zrzy.agent', '月报 P1 0 等待施工许可')).toBe('已收到 P1 2026-11 月报：完成投资 0万元，等待施工许可。');
    expect(await h.prisma.monthlyReport.count()).toBe(1);
    expect(await reply('zrzy.agent', '月报 P1 很多')).toBe('请写明本月完成投资和进展，例如「月报 P12 1200万 主体厂房封顶」。');
  });
});

describe('issue 18 item 6: problems as typed', () => {
  it('keeps the problem verbatim after the reference: other labels, semicolons and links', async () => {
    const typed = '用地手续未办 原因：林地指标不足；见 https://example.gov.cn/a?b=1;c=2';
    expect(await reply('zrzy.agent', `问题 P1 ${typed} 建议：县里协调`)).toMatch(/^已登记问题 Q1/);
    const problem = await h.prisma.problem.findUniqueOrThrow({ where: { id: 1 } });
    expect(problem.description).toBe(typed);
    expect(problem.suggestion).toBe('县里协调');
  });

  it('takes Q1： right after 答复, 提交例会 and 销号', async () => {
    await h.say('zrzy.agent', '问题 P1 施工许可证办理慢');
    expect(await reply('window', '答复Q1：已协调住建局')).toBe('Q1（P1 光伏组件项目：施工许可证办理慢）已答复。');
    expect((await h.prisma.problemAnswer.findFirstOrThrow()).text).toBe('已协调住建局');
    expect(await reply('leader.a', '提交例会Q1:请主要领导协调')).toBe('Q1（P1 光伏组件项目：施工许可证办理慢）已提交周五例会。');
    expect(await reply('office', '销号Q1：')).toBe('Q1（P1 光伏组件项目：施工许可证办理慢）已销号。');
  });

  it("lets a team unit's agent answer a problem of its project", async () => {
    await h.say('zrzy.agent', '问题 P1 环评批复慢');
    // 生态环境局 is on the team of P1; the problem is 自然资源局's, the responsible unit.
    expect(await reply('sthj.agent', '答复 Q1 环评已批复')).toBe('Q1（P1 光伏组件项目：环评批复慢）已答复。');
    expect(await reply('lyj.agent', '答复 Q1 与我无关')).toBe('没有找到问题 Q1。');
  });

  it("closes a terminated project's open problems, marked 项目终止, and takes them off the meeting agenda", async () => {
    await h.say('zrzy.agent', '问题 P1 用地指标不足');
    await h.say('leader.a', '提交例会 Q1 请主要领导协调');
    expect(await reply('window', '终止 P1 企业主动撤回')).toMatch(/1 个未销号问题随项目终止销号/);
    expect((await h.prisma.problem.findUniqueOrThrow({ where: { id: 1 } })).state).toBe('closed');
    const closed = await h.prisma.event.findFirstOrThrow({ where: { kind: 'problem.closed' } });
    expect(closed.after).toMatchObject({ problemId: 1, reason: '项目终止' });
    expect(await reply('window', '档案 P1')).toContain('问题 Q1 销号（项目终止）');
  });
});
