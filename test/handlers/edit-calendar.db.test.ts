// 日历: what an admin enters changes the working days every deadline uses, at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject } from './story-steps.js';

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
    expect(received.find((item) => item.recipient === 'sthj.agent')?.text).toContain('报到期限：01-04 08:50 前');
    expect(received.find((item) => item.recipient === 'window')?.text).toContain('01-04 08:50 前报到');
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
    expect(refused!.text).toBe('「日历」只有管理员可以使用。');
    expect(await bot.prisma.calendarDay.count()).toBe(0);
  });
});
