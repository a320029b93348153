// 问题: the week's chain — asked Tuesday, carried to the leader by Wednesday's digest, signed onto
// Friday's 周例会 — with each problem's state, for the projects the viewer may read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { REGISTER } from '../../handlers/story-steps.js';
import { showProblems } from '../../../web/pages/show-problems.js';
import { openPage, visibleText } from './open-page.js';

let h: Harness;
const at = async (when: string) => {
  h.clock.set(when);
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await h.app.deliver();
};

beforeEach(async () => {
  h = await createHarness({ now: '2026-11-23T08:00:00+08:00' });
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await h.say('window', `${REGISTER}\n责任单位：自然资源局`);
  await h.say('window', `${REGISTER.replace('光伏组件项目', '储能电站项目')}\n责任单位：农业农村局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  await at('2026-11-24T10:00:00+08:00');
  await h.say('zrzy.agent', '问题 P1 土地摘牌未完成 建议：协调自然资源局');
  await at('2026-11-25T09:00:00+08:00');
  h.clock.set('2026-11-25T11:00:00+08:00');
  await h.say('leader.a', '提交例会 Q1 请主要领导协调用地指标');
  await at('2026-11-27T09:00:00+08:00');
}, 120_000);
afterEach(async () => {
  await h.close();
});

describe('问题 page', () => {
  it("shows Tuesday's answers, the problem carried on Wednesday and sent to Friday's 周例会, and its state", async () => {
    const text = visibleText(await openPage(h, showProblems, 'office'));
    expect(text).toContain('问题 2026-W48');
    expect(text).toContain('周二 征集 ：2 个项目，报问题 1 · 无问题 0 · 未报 1');
    expect(text).toContain('未报： P2 储能电站项目');
    expect(text).toContain('周三 提交县领导 ：1 个问题');
    expect(text).toContain('周五 提交例会 ：1 个问题');
    expect(text).toContain('Q1 土地摘牌未完成（建议：协调自然资源局） P1 光伏组件项目 用地 2026-11-24 10:00 2026-11-25 09:00 · 县领导甲');
    expect(text).toContain('2026-11-25 11:00 意见：请主要领导协调用地指标 已提交例会');
  });

  it('shows a unit only the problems of projects it serves', async () => {
    const text = visibleText(await openPage(h, showProblems, 'nyj.agent'));
    expect(text).toContain('1 个项目，报问题 0 · 无问题 0 · 未报 1');
    expect(text).not.toContain('Q1');
    expect(text).toContain('本周没有在办的问题。');
  });

  it('reads an earlier week and refuses a week it cannot read', async () => {
    expect(visibleText(await openPage(h, showProblems, 'office', {}, 'week=2026-W47'))).toContain('2026-11-16 至 2026-11-22');
    expect(await openPage(h, showProblems, 'office', {}, 'week=2026-W60')).toMatchObject({ ok: false, status: 404 });
  });

  it("lists the problems 50 a page, and a unit sees only its projects' problems on every page", async () => {
    const reporter = await h.prisma.person.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const projects = await h.prisma.project.findMany({ orderBy: { id: 'asc' } });
    // 60 more for P1 (Q2–Q61), then 60 for P2 (Q62–Q121), all raised this week.
    for (const project of projects)
      await h.prisma.problem.createMany({
        data: Array.from({ length: 60 }, (_, index) => ({
          projectId: project.id,
          reporterId: reporter.id,
          description: `批量问题${index}`,
          category: '手续',
          unitId: project.leadUnitId,
          state: 'open',
          createdAt: new Date('2026-11-26T02:00:00Z'),
        })),
      });
    const shown = (text: string) => [...text.matchAll(/\bQ(\d+) /g)].map((match) => Number(match[1]));
    const first = visibleText(await openPage(h, showProblems, 'office'));
    expect(first).toContain('本周 121 个问题：待答复 120 · 已答复 0 · 已提交例会 1 · 已销号 0');
    expect(first).toContain('第 1 / 3 页');
    expect(shown(first)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const second = await openPage(h, showProblems, 'office', {}, 'week=2026-W48&page=2');
    expect(shown(visibleText(second))).toEqual(Array.from({ length: 50 }, (_, index) => index + 51));
    expect(second.ok && second.body.value).toContain('href="/kanban/problems?week=2026-W48&amp;page=3"');
    expect(visibleText(second)).toContain('上一页 第 2 / 3 页 下一页');

    // 农业农村局 serves P2 only: its 60 problems, on two pages, and never one of P1's.
    const unitPages = [1, 2, 3].map(async (page) => visibleText(await openPage(h, showProblems, 'nyj.agent', {}, `page=${page}`)));
    const [unitFirst, unitSecond, beyond] = await Promise.all(unitPages);
    expect(unitFirst).toContain('本周 60 个问题');
    expect(unitFirst).toContain('第 1 / 2 页');
    expect(shown(unitFirst!)).toEqual(Array.from({ length: 50 }, (_, index) => index + 62));
    expect(shown(unitSecond!)).toEqual(Array.from({ length: 10 }, (_, index) => index + 112));
    expect(shown(beyond!)).toEqual([]);
    for (const text of [unitFirst, unitSecond, beyond]) expect(text).not.toContain('光伏组件项目');
  });

  it('names the first 50 projects that have not answered and counts the rest', async () => {
    const [first] = await h.prisma.project.findMany({ orderBy: { id: 'asc' } });
    await h.prisma.project.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({ name: `沉默项目${index}`, investmentWan: 100, service: 'approving', leadUnitId: first!.leadUnitId })),
    });
    const text = visibleText(await openPage(h, showProblems, 'office'));
    expect(text).toContain('62 个项目，报问题 1 · 无问题 0 · 未报 61');
    // P2, then 沉默项目0 to 沉默项目48: fifty names.
    expect(text).toContain('沉默项目48 ……等 61 个');
    expect(text).not.toContain('沉默项目49');
  });
});
