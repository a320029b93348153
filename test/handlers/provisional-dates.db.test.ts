// The replies people read carry （暂定） on a date counted through 2027 before the admin enters it: 受理's team
// deadline, 组建团队's plan deadline, and 进度, which keeps the start deadline in sight until 开工
// (docs/domain.md "Working days and the calendar").
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { register } from './story-steps.js';

let bot: Harness;
beforeEach(async () => {
  // Thursday 2026-12-31: one working day later is Monday 2027-01-04 (元旦 derived, then the weekend).
  bot = await createHarness({ now: '2026-12-31T10:00:00+08:00' });
  await register(bot);
});
afterEach(async () => {
  await bot.close();
});

it('marks the team and plan deadlines of 受理 and 组建团队', async () => {
  expect((await bot.say('window', '受理 P1'))[0]!.text).toBe('已受理 P1 光伏组件项目。请在 2027-01-04（暂定） 前组建团队：组建团队 P1');
  const formed = await bot.say('window', '组建团队 P1');
  expect(formed.find((item) => item.recipient === 'window')!.text).toContain('请在 2027-01-04（暂定） 前制定方案：方案 P1');
});

it('shows the start deadline in 进度 besides an item deadline, marked until 2027 is entered', async () => {
  await bot.say('window', '受理 P1');
  await bot.say('window', '组建团队 P1');
  await bot.say('window', '方案 P1');
  await bot.say('window', '派单 P1 环评');
  const lines = (await bot.say('window', '进度 P1'))[0]!.text.split('\n');
  // The nearest deadline is the card's, today and firm; the start deadline stays beside it.
  expect(lines).toContain('下一期限：T1 报到 12-31 10:30');
  // Signed 2026-11-02: 90 working days through 2027's derived 春节 and its 第六条 days.
  expect(lines).toContain('开工期限：2027-03-15（暂定）');
  await bot.say('admin', '日历 2027 完成');
  const firm = (await bot.say('window', '进度 P1'))[0]!.text;
  expect(firm).toMatch(/^开工期限：2027-\d\d-\d\d$/m);
  expect(firm).not.toContain('暂定');
});
