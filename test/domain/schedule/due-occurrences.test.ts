import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { defaultPolicy, resolvePolicy } from '../../../domain/policy.js';
import { dueOccurrences } from '../../../domain/schedule/due-occurrences.js';
import { isoWeekKey } from '../../../domain/schedule/iso-week.js';
import { listSchedule } from '../../../domain/schedule/list-schedule.js';
import { occurrencesOfPeriod } from '../../../domain/schedule/plan-occurrences.js';

const schedule = listSchedule(defaultPolicy);
// 2027's schedule is not published in chinese-days: the admin enters 元旦 (docs/domain.md "Time rules").
const calendar = createWorkingCalendar([{ date: '2027-01-01', isWorkday: false }]);
const at = (shanghai: string) => new Date(`${shanghai.replace(' ', 'T')}:00+08:00`);
/** The keys due at a Shanghai time, optionally only those of one family (`weekly`, `monthly`). */
const dueAt = (shanghai: string, ran: string[] = [], family = '') => {
  const plan = dueOccurrences(schedule, new Set(ran), at(shanghai), calendar);
  const mine = <T extends { key: string }>(items: T[]) => items.filter((item) => item.key.startsWith(family));
  return { due: mine(plan.due).map((item) => (item.late ? `${item.key} 补发` : item.key)), skipped: mine(plan.skipped).map((item) => item.key) };
};
const when = (period: 'week' | 'month', start: string) =>
  Object.fromEntries(
    [...occurrencesOfPeriod(schedule, period, start, calendar).values()].map((item) => [
      item.key,
      `${item.date} ${new Date(item.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`,
    ]),
  );

describe('the policy', () => {
  it('refuses two monthly steps on one day: the day names the occurrence', () => {
    expect(resolvePolicy({ monthlyDays: { ranking: 20 } })).toEqual({ ok: false, problems: ['monthlyDays: each monthly step needs its own day'] });
  });
});

describe('isoWeekKey', () => {
  it.each([
    ['2026-11-24', '2026-W48'],
    ['2026-12-29', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in %s', (date, key) => expect(isoWeekKey(date)).toBe(key));
});

describe('an ordinary week (2026-W48)', () => {
  it.each([
    ['2026-11-24 08:59', []],
    ['2026-11-24 09:00', ['weekly-tue:2026-W48']],
    ['2026-11-24 16:00', ['weekly-tue-reminder:2026-W48']],
    ['2026-11-25 09:00', ['weekly-wed:2026-W48']],
    ['2026-11-27 08:30', ['weekly-fri:2026-W48']],
  ])('at %s', (now, keys) => {
    const ran = ['weekly-tue:2026-W48', 'weekly-tue-reminder:2026-W48', 'weekly-wed:2026-W48', 'weekly-fri:2026-W48'].filter((key) => !keys.includes(key));
    expect(dueAt(now, ran, 'weekly').due).toEqual(keys);
  });

  it('sends nothing that already ran', () => {
    expect(dueAt('2026-11-24 09:01', ['weekly-tue:2026-W48'], 'weekly').due).toEqual([]);
  });
});

describe('days off move to the next working day', () => {
  it('the 2026 National Day week (10-01 to 10-07 off; 10-10 Saturday is a working day)', () => {
    // 中秋 2026-09-25 is a Friday: that 周例会 moves to Monday.
    expect(when('week', '2026-09-21')['weekly-fri:2026-W39']).toBe('2026-09-28 08:30');
    // 10-02 is off; the week's 周例会 moves to the first working day, Thursday 10-08.
    expect(when('week', '2026-09-28')).toMatchObject({
      'weekly-tue:2026-W40': '2026-09-29 09:00',
      'weekly-wed:2026-W40': '2026-09-30 09:00',
      'weekly-fri:2026-W40': '2026-10-08 08:30',
    });
    // Tuesday and Wednesday fall in the holiday: the ask on Thursday, the digest a working day later.
    expect(when('week', '2026-10-05')).toEqual({
      'weekly-tue:2026-W41': '2026-10-08 09:00',
      'weekly-tue-reminder:2026-W41': '2026-10-08 16:00',
      'weekly-wed:2026-W41': '2026-10-09 09:00',
      'weekly-fri:2026-W41': '2026-10-09 08:30',
    });
    expect(when('month', '2026-10-01')).toMatchObject({
      'monthly-1:2026-10': '2026-10-08 09:00',
      'monthly-3:2026-10': '2026-10-08 09:00',
      'monthly-5:2026-10': '2026-10-08 09:00',
      'monthly-22:2026-10': '2026-10-22 09:00',
    });
  });

  it('sends the moved ones on their day and nothing during the holiday', () => {
    const earlier = ['weekly-tue:2026-W40', 'weekly-tue-reminder:2026-W40', 'weekly-wed:2026-W40', 'monthly-28:2026-09'];
    expect(dueAt('2026-10-06 09:00', earlier).due).toEqual([]);
    expect(dueAt('2026-10-08 09:00', [...earlier, 'weekly-fri:2026-W40']).due).toEqual([
      'daily-deadlines:2026-10-08',
      'daily-tasks:2026-10-08',
      'monthly-1:2026-10',
      'monthly-3:2026-10',
      'monthly-5:2026-10',
      'weekly-tue:2026-W41',
    ]);
    // The daily deadline checks run on working days only: on the 调休 Saturday, not on the Sunday.
    expect(dueAt('2026-10-10 09:00', [], 'daily').due).toEqual(['daily-deadlines:2026-10-10', 'daily-tasks:2026-10-10']);
    expect(dueAt('2026-10-11 09:00', [], 'daily').due).toEqual([]);
    expect(dueAt('2026-10-12 08:00', [], 'daily').due).toEqual([]);
  });

  it('the year boundary: 2027-01-01 off, so Friday and the 1st land on Monday 2027-01-04', () => {
    expect(when('week', '2026-12-28')).toMatchObject({ 'weekly-tue:2026-W53': '2026-12-29 09:00', 'weekly-fri:2026-W53': '2027-01-04 08:30' });
    expect(when('month', '2027-01-01')['monthly-1:2027-01']).toBe('2027-01-04 09:00');
    expect(when('month', '2026-12-01')['monthly-28:2026-12']).toBe('2026-12-28 09:00');
    expect(dueAt('2027-01-04 09:00', ['weekly-fri:2026-W53'], 'monthly').due).toEqual(['monthly-1:2027-01', 'monthly-3:2027-01']);
  });

  it('a long holiday that pushes an occurrence onto the next one drops it: the later covers both', () => {
    // 2026-02-15 to 02-23 is 春节 (chinese-days): W08's Tuesday and Wednesday are both in it.
    const week = when('week', '2026-02-16');
    expect(week['weekly-tue:2026-W08']).toBe('2026-02-24 09:00');
    expect(dueAt('2026-02-24 09:00', []).due.filter((key) => key.startsWith('weekly-tue:'))).toEqual(['weekly-tue:2026-W09']);
  });
});

describe('catch-up after a restart', () => {
  const w48 = 'weekly-tue:2026-W48';

  it('a missed ask goes out once, marked 补发, while Tuesday lasts', () => {
    expect(dueAt('2026-11-24 12:00', [], 'weekly').due).toEqual([`${w48} 补发`]);
  });

  it('the next morning the ask still goes out, but its reminder does not come with it', () => {
    expect(dueAt('2026-11-25 08:00', [], 'weekly')).toEqual({ due: [`${w48} 补发`], skipped: ['weekly-tue-reminder:2026-W48'] });
  });

  it('after Wednesday 09:00 the ask is stale; the digest is caught up instead', () => {
    expect(dueAt('2026-11-26 10:00', [], 'weekly').due).toEqual(['weekly-wed:2026-W48 补发']);
  });

  it('last week is never sent this week', () => {
    expect(dueAt('2026-12-01 08:00', [], 'weekly').due).toEqual([]);
    expect(dueAt('2026-11-28 10:00', [], 'weekly').due).toEqual([]);
  });

  it("a monthly one is caught up until the month's next step is due", () => {
    const ran = [
      'monthly-1:2026-11',
      'monthly-3:2026-11',
      'monthly-5:2026-11',
      'weekly-tue:2026-W47',
      'weekly-tue-reminder:2026-W47',
      'weekly-wed:2026-W47',
      'weekly-fri:2026-W47',
    ];
    expect(dueAt('2026-11-21 10:00', ran).due).toEqual(['monthly-20:2026-11 补发']);
    // The 22nd is a Sunday: the ranking moves to Monday 11-23, and the 20th's ask is stale from then.
    expect(dueAt('2026-11-22 10:00', ['monthly-20:2026-11'], 'monthly').due).toEqual([]);
    expect(dueAt('2026-11-23 10:00', ['monthly-22:2026-11'], 'monthly').due).toEqual([]);
    expect(dueAt('2026-12-01 08:00', [], 'monthly').due).toEqual([]);
  });
});
