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
});
