// The running month's ranking so far is kept 5 minutes (use-cases/rank-months.ts RUNNING_KEPT_MS, docs/domain.md
// "Ranking so far"): a second look within 5 minutes shows the kept figures and the time they were taken, even after
// an item changed; later the change shows; once the 22nd's run has come the page shows the run's ranking.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { preparePlannedProject } from '../../handlers/story-steps.js';
import { showRanking } from '../../../web/pages/show-ranking.js';
import { showUnit } from '../../../web/pages/show-unit.js';
import { showUnits } from '../../../web/pages/show-units.js';
import { openPage, visibleText } from './open-page.js';

let h: Harness;
beforeEach(async () => {
  // The story of show-ranking-and-units.db.test.ts, up to 发改委 finishing its item.
  h = await createHarness({ now: '2026-12-02T09:00:00+08:00' });
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 施工许可 企业投资项目备案');
  h.clock.advanceMinutes(10);
  await h.say('zjj.agent', '报到 T2');
  await h.say('fgw.agent', '报到 T3');
  // The first harness of a file opens PGlite; on a loaded 2-core machine that alone can pass the default 30 s.
}, 120_000);
afterEach(async () => {
  await h.close();
});

const fgwLine = (text: string) => /\d+ 市发展和改革委员会 [^市]*/.exec(text)?.[0].trim();

it('shows the kept ranking so far and its time for 5 minutes, then the change', async () => {
  h.clock.set('2026-12-03T09:56:00+08:00');
  const first = visibleText(await openPage(h, showRanking, 'office'));
  expect(first).toContain('截至 2026-12-03 09:56（每 5 分钟更新），本月排名尚未进行。');
  expect(fgwLine(first)).toContain('0/0');

  h.clock.set('2026-12-03T09:58:00+08:00');
  await h.say('fgw.agent', '办结 T3 无需补充材料 已备案');

  // 4 minutes after the ranking was taken: the same figures, taken at 09:56, on every page that shows them.
  h.clock.set('2026-12-03T10:00:00+08:00');
  expect(visibleText(await openPage(h, showRanking, 'office'))).toBe(first);
  expect(visibleText(await openPage(h, showUnits, 'office'))).toContain('名次为 2026-12 排名（截至 2026-12-03 09:56）');
  const fgw = (await h.prisma.unit.findFirstOrThrow({ where: { name: '市发展和改革委员会' } })).id;
  expect(visibleText(await openPage(h, showUnit, 'fgw.agent', { unitId: String(fgw) }))).toContain('2026-12 排名（截至 2026-12-03 09:56）');

  // 5 minutes on, it is ranked again: 发改委's item finished on time counts.
  h.clock.set('2026-12-03T10:01:00+08:00');
  const again = visibleText(await openPage(h, showRanking, 'office'));
  expect(again).toContain('截至 2026-12-03 10:01（每 5 分钟更新）');
  expect(fgwLine(again)).toContain('1/1');
});

it("shows the 22nd's ranking once its run has come, not the ranking so far kept minutes before", async () => {
  h.clock.set('2026-12-03T10:00:00+08:00');
  await h.say('fgw.agent', '办结 T3 无需补充材料 已备案');
  h.clock.set('2026-12-22T08:58:00+08:00');
  expect(visibleText(await openPage(h, showRanking, 'office'))).toContain('截至 2026-12-22 08:58');
  h.clock.set('2026-12-22T09:00:00+08:00');
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  h.clock.set('2026-12-22T09:01:00+08:00');
  const text = visibleText(await openPage(h, showRanking, 'office'));
  expect(text).toContain('按 2026-12-22 09:00 排名时的情况');
  expect(text).toContain('1 市发展和改革委员会 0 0 0% 1/1 0 0 0 0 1');
  const kept = await h.prisma.$queryRaw<{ month: string }[]>`SELECT month FROM "RunningRanking"`;
  // One row per month: December's stays until a later month is kept, and is no longer read.
  expect(kept.map((row) => row.month)).toEqual(['2026-12']);
});
