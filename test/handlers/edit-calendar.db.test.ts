// 日历: what an admin enters changes the working days every deadline uses, at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject } from './story-steps.js';

// A whole year as the README shows it: every festival day of 《全国年节及纪念日放假办法》 is off.
const WHOLE_2027 = [
  '2027-01-01至2027-01-03,休,元旦',
  '2027-02-05至2027-02-11,休,春节',
  '2027-02-20,班,春节调休',
  '2027-04-03至2027-04-05,休,清明节',
  '2027-05-01至2027-05-05,休,劳动节',
  '2027-06-09,休,端午节',
  '2027-09-15,休,中秋节',
  '2027-10-01至2027-10-07,休,国庆节',
].join('\n');

describe('日历', () => {
  let bot: Harness;
  beforeEach(async () => {
    // Thursday 2026-12-31, 17:50: 30 office minutes run into the next working day.
    bot = await createHarness({ now: '2026-12-31T17:50:00+08:00' });
  });
  afterEach(async () => {
    await bot.close();
  });

  it('moves a card due on a day the admin made a holiday to the next working day', async () => {
    await preparePlannedProject(bot);
    const [entered] = await bot.say('admin', '日历 2027-01-01 休 元旦');
    expect(entered!.text).toBe('已将 2027-01-01设为休息日。');
    const received = await bot.say('window', '派单 P1 环评');
    // Without the entry chinese-days would call New Year's Day 2027 a plain working Friday.
    expect(received.find((item) => item.recipient === 'sthj.agent')?.text).toContain('报到期限：01-04 08:50（暂定） 前');
    expect(received.find((item) => item.recipient === 'window')?.text).toContain('01-04 08:50（暂定） 前报到');
  });

  it('shows a deadline in a year without official data as 暂定 until the admin imports the year', async () => {
    await preparePlannedProject(bot);
    await bot.say('window', '派单 P1 环评 施工许可');
    bot.clock.advanceMinutes(5);
    // 施工许可 is promised in 3 working days after Thursday 12-31: 01-01 元旦 (derived), so 01-04, 01-05, 01-06.
    const taken = (await bot.say('zjj.agent', '报到 T2')).at(-1);
    expect(taken!.text).toMatch(/^已报到 T2 建筑工程施工许可证（2027-01-06（暂定） 前办结）。/);
    expect((await bot.say('window', '进度 P1'))[0]!.text).toContain('2027-01-06（暂定） 前办结');
    const [imported] = await bot.say('admin', `日历 导入\n${WHOLE_2027}`);
    expect(imported!.text).toBe('已导入 2027 年官方安排 28 天（休 27 天，班 1 天），2027 年的期限不再是暂定。');
    const [progress] = await bot.say('window', '进度 P1');
    expect(progress!.text).toContain('2027-01-06');
    expect(progress!.text).not.toContain('暂定');
    expect(await bot.prisma.event.count({ where: { kind: 'calendar.year_entered' } })).toBe(1);
  });

  it('moves open deadlines when the official schedule entered later differs from the derived one', async () => {
    await preparePlannedProject(bot);
    await bot.say('window', '派单 P1 环评 施工许可');
    bot.clock.advanceMinutes(5);
    await bot.say('zjj.agent', '报到 T2');
    // A schedule that also gives Monday 01-04 off: the 3 promised working days become 01-05, 01-06, 01-07,
    // and T1, still waiting for 报到, must now report by Tuesday 01-05 08:50.
    const [imported] = await bot.say('admin', `日历 导入\n2027-01-01至2027-01-04,休,元旦\n${WHOLE_2027.split('\n').slice(1).join('\n')}`);
    expect(imported!.text).toBe('已导入 2027 年官方安排 29 天（休 28 天，班 1 天），2027 年的期限不再是暂定。2 个在办任务的期限已按新日历调整。');
    const [progress] = await bot.say('window', '进度 P1');
    expect(progress!.text).toContain('2027-01-07 前办结');
    expect(progress!.text).not.toContain('暂定');
    // The report deadline is T1's call's.
    const { call } = await bot.prisma.task.findUniqueOrThrow({ where: { id: 1 }, include: { call: true } });
    expect(call.nextEscalationAt?.toISOString()).toBe('2027-01-05T00:50:00.000Z');
    // The escalation cycle follows the moved time: nothing fires on Monday, the reminder on Tuesday.
    bot.clock.set('2027-01-04T10:00:00+08:00');
    expect(await bot.app.escalate()).toBe(0);
    bot.clock.set('2027-01-05T08:51:00+08:00');
    expect(await bot.app.escalate()).toBe(1);
  });

  it('ends 暂定 for days entered one by one with 日历 2027 完成', async () => {
    await bot.say('admin', '日历 2027-01-01 休 元旦');
    expect((await bot.say('admin', '日历 2027'))[0]!.text).toContain('2027 年尚未录入官方安排，期限暂定。');
    expect((await bot.say('admin', '日历 2027 完成'))[0]!.text).toBe('已将 2027 年日历标为完成，2027 年的期限不再是暂定。');
    expect((await bot.say('admin', '日历 2027'))[0]!.text).not.toContain('暂定');
  });

  it('refuses a year that lacks festival days, names them, and imports it only when confirmed', async () => {
    // The README's old three-line example taken as the whole of 2027: 清明…国庆 would become working days.
    const partial = '2027-01-01至2027-01-03,休,元旦\n2027-02-05至2027-02-11,休,春节\n2027-02-20,班,春节调休';
    const [refused] = await bot.say('admin', `日历 导入\n${partial}`);
    expect(refused!.text).toBe(
      [
        '这份安排缺少 2027 年的法定节日，导入后这些日子会算作工作日：',
        '· 清明节 2027-04-05',
        '· 劳动节 2027-05-01、2027-05-02',
        '· 端午节 2027-06-09',
        '· 中秋节 2027-09-15',
        '· 国庆节 2027-10-01、2027-10-02、2027-10-03',
        '请补上这些行（如 2027-04-05,休,清明节）后重新发送整年安排；确需如此导入，请把第一行写成「日历 导入 确认」。',
      ].join('\n'),
    );
    expect(await bot.prisma.calendarDay.count()).toBe(0);
    expect((await bot.say('admin', '日历 2027'))[0]!.text).toContain('2027 年尚未录入官方安排，期限暂定。');
    const [confirmed] = await bot.say('admin', `日历 导入 确认\n${partial}`);
    expect(confirmed!.text).toBe('已导入 2027 年官方安排 11 天（休 10 天，班 1 天），2027 年的期限不再是暂定。');
  });

  it('refuses a bad import line and names it', async () => {
    const [refused] = await bot.say('admin', '日历 导入\n2027-01-01,休,元旦\n2027-13-01,休');
    expect(refused!.text).toBe('看不懂这一行：「2027-13-01,休」。每行一天或一段，例如 2027-02-05至2027-02-11,休,春节 或 2027-02-07,班,春节调休。');
    expect(await bot.prisma.calendarDay.count()).toBe(0);
  });

  it('enters a holiday span and a make-up Saturday, lists them, and records who did it', async () => {
    await bot.say('admin', '日历 2027-02-10至2027-02-16 休 春节');
    await bot.say('admin', '日历 2027-02-20 班 春节调休');
    const [listing] = await bot.say('admin', '日历 2027');
    expect(listing!.text.split('\n').slice(0, 3)).toEqual(['2027 年日历补录 8 天：', '· 2027-02-10 休 春节', '· 2027-02-11 休 春节']);
    expect(listing!.text).toContain('· 2027-02-20 班 春节调休');
    const events = await bot.prisma.event.findMany({ where: { kind: 'calendar.changed' } });
    expect(events.map((event) => event.actorRole)).toEqual(['admin', 'admin']);
  });

  it('refuses a malformed date and anyone but an admin', async () => {
    const [malformed] = await bot.say('admin', '日历 2027-02-30 休');
    expect(malformed!.text).toMatch(/^格式：日历 2027-01-01 休 元旦/);
    const [refused] = await bot.say('window', '日历 2027-01-01 休');
    expect(refused!.text).toBe('「日历」只有管理员可以使用。发送「帮助」查看你能用的命令。');
    expect(await bot.prisma.calendarDay.count()).toBe(0);
  });
});
