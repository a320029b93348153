// 排名 and 单位: the same places as the 22nd's digest, each with what it was made of; a unit's 报到
// minutes, untaken cards and items on time, late and overdue; a unit's staff see only their own unit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { preparePlannedProject } from '../../handlers/story-steps.js';
import { showRanking } from '../../../web/pages/show-ranking.js';
import { showUnit } from '../../../web/pages/show-unit.js';
import { showUnits } from '../../../web/pages/show-units.js';
import { openPage, visibleText } from './open-page.js';

let h: Harness;
beforeEach(async () => {
  // The story of test/cron/schedules/monthly-ranking.db.test.ts: one unit finishes on time, one never
  // takes its card, one holds an overdue item.
  h = await createHarness({ now: '2026-12-02T09:00:00+08:00' });
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 施工许可 企业投资项目备案');
  h.clock.advanceMinutes(10);
  await h.say('zjj.agent', '报到 T2');
  await h.say('fgw.agent', '报到 T3');
  h.clock.set('2026-12-03T10:00:00+08:00');
  await h.say('fgw.agent', '办结 T3 无需补充材料 已备案');
  h.clock.set('2026-12-22T09:00:00+08:00');
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await h.app.deliver();
  // The first harness of a file opens PGlite; on a loaded 2-core machine that alone can pass the default 30 s.
}, 120_000);
afterEach(async () => {
  await h.close();
});

const unitId = async (name: string) => (await h.prisma.unit.findFirstOrThrow({ where: { name } })).id;

describe('排名 page', () => {
  it('ranks the units as the 22nd digest did, with the parts of each place', async () => {
    const digest = h.messenger.received.find((item) => item.recipient === 'office' && item.text.includes('2026-12 重点项目排名'))!.text;
    const digestPlaces = digest
      .split('\n')
      .filter((line) => /^\d\. /.test(line))
      .map((line) => line.split(' · ')[0]!.replace('. ', ' '));
    h.clock.set('2026-12-23T10:00:00+08:00');
    const result = await openPage(h, showRanking, 'office', {}, 'month=2026-12');
    const text = visibleText(result);
    expect(text).toContain('按 2026-12-22 09:00 排名时的情况');
    expect(digestPlaces).toEqual(['1 市发展和改革委员会', '2 市生态环境局', '2 市住房和城乡建设局']);
    for (const place of digestPlaces) expect(text).toContain(place);
    expect(text).toContain('1 市发展和改革委员会 0 0 0% 1/1 0 0 0 0 1');
    expect(text).toContain('2 市住房和城乡建设局 0 0 0% 0/0 1（超 11 个工作日） 0 0 0 -3');
    expect(text).toContain('没有连续两次排名后三名的单位。');
    expect(text).toMatch(/本月无考核内容（未排名）：.*市自然资源局/);
  });

  it('is for those who read every project, and asks for a month written as 2026-11', async () => {
    expect(await openPage(h, showRanking, 'sthj.agent')).toMatchObject({ ok: false, status: 403 });
    expect(await openPage(h, showRanking, 'office', {}, 'month=12月')).toMatchObject({ ok: false, status: 404 });
    expect(visibleText(await openPage(h, showRanking, 'inspect', {}, 'month=2026-11'))).toContain('2026-11 单位排名');
  });
});

describe('单位 pages', () => {
  it('lists each unit with 报到 minutes, untaken cards, items on time and overdue, and its place', async () => {
    const text = visibleText(await openPage(h, showUnits, 'office'));
    // 发改委 took its card 10 office minutes after 派单 and finished on time.
    expect(text).toContain('市发展和改革委员会 1 10 分钟 10 分钟 0 1 0 0 1/3');
    // 生态环境局 never took T1's card.
    expect(text).toContain('市生态环境局 0 — — 1 0 0 0 2/3');
    expect(text).toContain('市住房和城乡建设局 1 10 分钟 10 分钟 0 0 0 1 2/3');
  });

  it("shows one unit's ranking line and its history as chart data", async () => {
    const result = await openPage(h, showUnit, 'zjj.agent', { unitId: String(await unitId('市住房和城乡建设局')) });
    const text = visibleText(result);
    expect(text).toContain('2026-12 排名');
    expect(text).toContain('名次：2/3');
    expect(text).toContain('逾期在办 1 项（超 11 个工作日）');
    expect(result.ok && result.scripts).toContain('unit-chart.js');
    const data = JSON.parse(/<script type="application\/json" id="page-data">(.*?)<\/script>/.exec(result.ok ? result.body.value : '')![1]!);
    expect(data).toMatchObject({ months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'], places: [null, null, null, null, null, 2] });
  });

  it("keeps a unit's staff to their own unit", async () => {
    expect(await openPage(h, showUnit, 'zjj.agent', { unitId: String(await unitId('市生态环境局')) })).toMatchObject({ ok: false, status: 403 });
    const own = visibleText(await openPage(h, showUnits, 'zjj.agent'));
    expect(own).toContain('市住房和城乡建设局');
    expect(own).not.toContain('市生态环境局');
    expect(await openPage(h, showUnit, 'office', { unitId: '999' })).toMatchObject({ ok: false, status: 404 });
  });
});
