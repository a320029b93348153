// Six weeks of Zhenping's rhythm (2026-09-14 to 10-25, with 中秋 and the National Day week) on a
// moving clock: every occurrence once, on the right working day, to the right people; a restart
// in the middle catches the missed ask up once, marked 补发.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { addCalendarDays, formatShanghai } from '../../../domain/calendar/shanghai-time.js';
import { runSchedules } from '../../../cron/schedules/run-schedules.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { REGISTER } from '../../handlers/story-steps.js';

let h: Harness;
const actions: Record<string, [string, string]> = {
  '2026-09-15 10:00': ['zrzy.agent', '问题 P1 土地摘牌未完成 建议：协调自然资源局'],
  '2026-09-17 10:00': ['leader.a', '提交例会 Q1 请主要领导协调用地指标'],
  '2026-10-08 10:00': ['zrzy.agent', '无问题 P1'],
  '2026-10-20 10:00': ['zrzy.agent', '月报 P1 500万 完成场地平整'],
};
// The server is down on Tuesday 2026-10-13 from 08:00 and comes back at 11:30.
const down = (at: string) => at >= '2026-10-13 08:00' && at < '2026-10-13 11:30';

beforeAll(async () => {
  h = await createHarness({ now: '2026-09-14T07:00:00+08:00' });
  await h.say('window', `${REGISTER.replace('签约日期：2026-11-02', '签约日期：2026-09-10')}\n责任单位：自然资源局`);
  await h.say('window', '受理 P1');
  await h.say('window', '组建团队 P1');
  h.messenger.clear();
  // Every 30 minutes from 07:00 to 17:30, each day: all the rhythm's times are on the half hour.
  for (let day = 0; day < 42; day += 1) {
    for (let slot = 0; slot < 22; slot += 1) {
      h.clock.set(new Date(Date.parse('2026-09-14T07:00:00+08:00') + day * 86_400_000 + slot * 30 * 60_000));
      const at = `${formatShanghai(h.clock.now(), 'date')} ${formatShanghai(h.clock.now(), 'time')}`;
      if (!down(at)) {
        await runSchedules(h.prisma, { now: h.clock.now(), policy: h.policy });
        // The 22nd's 台账 is a job the ranking queues, run by the bot's job loop (bot/app.ts).
        await h.app.runJobs();
        await h.app.deliver();
      }
      const action = actions[at];
      if (action) await h.say(...action);
    }
  }
}, 600_000);
afterAll(async () => {
  await h.close();
});

const sentLog = async (daily = false) =>
  (await h.prisma.event.findMany({ where: { kind: 'schedule.sent' }, orderBy: { id: 'asc' } }))
    .map((event) => {
      const after = event.after as { occurrence: string; late: boolean };
      return `${formatShanghai(event.at)} ${after.occurrence}${after.late ? ' 补发' : ''}`;
    })
    .filter((line) => line.includes('daily-') === daily);
const digests = () => h.messenger.received.filter((item) => item.message.kind === 'markdown');
const titleOf = (text: string) => /^【(.+?)】/.exec(text)?.[1] ?? '';

describe('six weeks including the 2026 National Day week', () => {
  it('runs every occurrence once, on the right working day', async () => {
    expect(await sentLog()).toEqual([
      '09-15 09:00 weekly-tue:2026-W38',
      '09-15 16:00 weekly-tue-reminder:2026-W38',
      '09-16 09:00 weekly-wed:2026-W38',
      '09-18 08:30 weekly-fri:2026-W38',
      // 2026-09-20 is a Sunday but a 调休 working day: the 20th stays on it.
      '09-20 09:00 monthly-20:2026-09',
      '09-22 09:00 monthly-22:2026-09',
      '09-22 09:00 weekly-tue:2026-W39',
      '09-22 16:00 weekly-tue-reminder:2026-W39',
      '09-23 09:00 weekly-wed:2026-W39',
      // 中秋 2026-09-25 (Friday) is off: the 周例会 moves to Monday, like the 28th's signing.
      '09-28 08:30 weekly-fri:2026-W39',
      '09-28 09:00 monthly-28:2026-09',
      '09-29 09:00 weekly-tue:2026-W40',
      '09-29 16:00 weekly-tue-reminder:2026-W40',
      '09-30 09:00 weekly-wed:2026-W40',
      // 10-01 to 10-07 off: nothing is sent; all of it lands on Thursday 10-08.
      '10-08 08:30 weekly-fri:2026-W40',
      '10-08 09:00 monthly-1:2026-10',
      '10-08 09:00 monthly-3:2026-10',
      '10-08 09:00 monthly-5:2026-10',
      '10-08 09:00 weekly-tue:2026-W41',
      '10-08 16:00 weekly-tue-reminder:2026-W41',
      '10-09 08:30 weekly-fri:2026-W41',
      '10-09 09:00 weekly-wed:2026-W41',
      // Down from 08:00 to 11:30: the ask is caught up once.
      '10-13 11:30 weekly-tue:2026-W42 补发',
      '10-13 16:00 weekly-tue-reminder:2026-W42',
      '10-14 09:00 weekly-wed:2026-W42',
      '10-16 08:30 weekly-fri:2026-W42',
      '10-20 09:00 monthly-20:2026-10',
      '10-20 09:00 weekly-tue:2026-W43',
      '10-20 16:00 weekly-tue-reminder:2026-W43',
      '10-21 09:00 weekly-wed:2026-W43',
      '10-22 09:00 monthly-22:2026-10',
      '10-23 08:30 weekly-fri:2026-W43',
    ]);
  });

  it('checks start deadlines once on each working day, the 调休 days included', async () => {
    const calendar = createWorkingCalendar();
    const workingDays: string[] = [];
    for (let day = 0; day < 42; day += 1) {
      const date = addCalendarDays('2026-09-14', day);
      if (calendar.isWorkday(date)) workingDays.push(date);
    }
    expect(workingDays).toContain('2026-09-20');
    expect(workingDays).toContain('2026-10-10');
    const daily = (await sentLog(true)).filter((line) => line.includes('daily-deadlines'));
    expect((await sentLog(true)).filter((line) => line.includes('daily-tasks'))).toHaveLength(workingDays.length);
    expect(daily.map((line) => line.split(' ')[2])).toEqual(workingDays.map((date) => `daily-deadlines:${date}`));
    expect(daily).toContain('10-13 11:30 daily-deadlines:2026-10-13 补发');
  });

  it('delivers each queued digest once, and queues one per person and occurrence', async () => {
    const rows = await h.prisma.outbox.findMany({ where: { dedupKey: { startsWith: 'schedule:' }, kind: 'markdown' } });
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
    expect(digests()).toHaveLength(rows.length);
    // The same person never gets two messages from one occurrence.
    const perOccurrence = rows.map((row) => `${row.dedupKey!.split(':').slice(1, 3).join(':')} ${row.personId}`);
    expect(new Set(perOccurrence).size).toBe(rows.length);
  });

  it('asks the responsible unit, reminds only when it has not answered', () => {
    const agent = digests()
      .filter((item) => item.recipient === 'zrzy.agent')
      .map((item) => titleOf(item.text));
    // W38 answered by a problem and W41 by 无问题: no reminder those weeks; 10-13's ask is 补发.
    expect(agent.filter((title) => title.startsWith('本周问题征集'))).toEqual([
      '本周问题征集',
      '本周问题征集',
      '本周问题征集',
      '本周问题征集',
      '本周问题征集（补发）',
      '本周问题征集',
    ]);
    expect(agent.filter((title) => title === '问题报送提醒')).toHaveLength(4);
    expect(agent).toContain('2026-09 月报');
    expect(agent).toContain('2026-10 月报');
    expect(digests().some((item) => item.recipient === 'lyj.agent')).toBe(false);
  });

  it("gives the leader his project's problem on Wednesday and the main leader the agenda on Friday", () => {
    const leader = digests().filter((item) => item.recipient === 'leader.a');
    expect(leader.map((item) => titleOf(item.text))).toEqual(['你包抓项目的本周问题']);
    expect(leader[0]!.text).toContain('Q1 P1 光伏组件项目');
    expect(digests().some((item) => item.recipient === 'leader.b')).toBe(false);
    const agendas = digests().filter((item) => item.recipient === 'leader.main' && titleOf(item.text).startsWith('重点项目周例会议题'));
    expect(agendas).toHaveLength(6);
    expect(agendas[0]!.text).toContain('县领导甲意见：请主要领导协调用地指标');
    const office = digests()
      .filter((item) => item.recipient === 'office')
      .map((item) => titleOf(item.text));
    expect(office.filter((title) => title.startsWith('本周问题汇总'))).toHaveLength(6);
    expect(office).toEqual(
      expect.arrayContaining(['上月签约项目 2026-09', '拟开工重大项目台账 2026-10', '2026-09 重点项目排名', '2026-10 重点项目排名', '2026-09 集中签约']),
    );
    expect(
      digests()
        .filter((item) => titleOf(item.text) === '2026-10 重点项目排名')
        .map((item) => item.recipient)
        .sort(),
    ).toEqual(['inspect', 'leader.main', 'office']);
  });

  it("carries the 台账 workbook with each month's ranking to its readers, and nowhere else", () => {
    const files = h.messenger.received.filter((item) => item.message.kind === 'file');
    expect(files.map((item) => `${item.recipient} ${item.text}`).sort()).toEqual(
      ['inspect', 'leader.main', 'office'].flatMap((reader) => [`${reader} 【文件】项目台账-2026-09-22.xlsx`, `${reader} 【文件】项目台账-2026-10-22.xlsx`]),
    );
  });
});
