// The 22nd's ranking through the schedule, on what the units did in the chat: a unit holding an overdue
// item and one whose card was never taken rank below a unit that finished on time, each line says how its
// place was made, and units with nothing to rank are listed apart (docs/domain.md "Weekly and monthly rhythm").
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { preparePlannedProject } from '../../handlers/story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-12-02T09:00:00+08:00' });
});
afterEach(async () => {
  await h.close();
});

it('ranks the unit with an overdue item and the unit that never took its card below the one that finished', async () => {
  // A new installation marks what is open at its first pass; the 22nd comes later.
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  await preparePlannedProject(h);
  await h.say('window', '派单 P1 环评 施工许可 企业投资项目备案');
  h.clock.advanceMinutes(10);
  await h.say('zjj.agent', '报到 T2');
  await h.say('fgw.agent', '报到 T3');
  h.clock.set('2026-12-03T10:00:00+08:00');
  await h.say('fgw.agent', '办结 T3 无需补充材料 已备案');
  h.messenger.clear();
  h.clock.set('2026-12-22T09:00:00+08:00');
  await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
  // The 台账 file is built by a job once the ranking has committed (use-cases/send-ranking-ledger-file.ts).
  await h.app.runJobs();
  await h.app.deliver();
  const ranking = h.messenger.received.find((item) => item.recipient === 'office' && item.text.includes('2026-12 重点项目排名'));
  const lines = ranking!.text.split('\n').filter((line) => /^\d\. /.test(line));
  // The project was registered without 责任单位, so no unit leads it: only the units with items rank.
  expect(lines.map((line) => line.split(' · ')[0])).toEqual(['1. 市发展和改革委员会', '2. 市生态环境局', '2. 市住房和城乡建设局']);
  expect(lines[0]).toContain('按时办结 1/1 · 逾期在办 0 项 · 未报到 0 张 · 办事 1');
  // The card posted 12-02 and never taken, and 施工许可 due 12-07 and still open: 3 each (one per 5 working days over).
  expect(lines[1]).toContain('按时办结 0/0 · 逾期在办 0 项 · 未报到 1 张 · 办事 -3');
  expect(lines[2]).toContain('按时办结 0/0 · 逾期在办 1 项（超 11 个工作日） · 未报到 0 张 · 办事 -3');
  expect(ranking!.text).toMatch(/本月无考核内容（未排名）：.*市自然资源局/);
  // Kept as sent, for the 看板's 排名 and 单位 pages (prisma/save-month-ranking.ts).
  const kept = await h.prisma.unitMonthRank.findMany({
    where: { month: '2026-12', place: { not: null } },
    orderBy: [{ place: 'asc' }, { unitId: 'asc' }],
    select: { place: true, service: true },
  });
  expect(kept.map((row) => [row.place, row.service])).toEqual([
    [1, 1],
    [2, -3],
    [2, -3],
  ]);
  // Its chart right after the text, then the 台账 (issue 19 item 4).
  const office = h.messenger.to('office').map((item) => (item.message.kind === 'markdown' ? item.message.title : item.message.kind));
  expect(office.slice(office.indexOf('2026-12 重点项目排名'), office.indexOf('2026-12 重点项目排名') + 3)).toEqual(['2026-12 重点项目排名', 'image', 'file']);
});
