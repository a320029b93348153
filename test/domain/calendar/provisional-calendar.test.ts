import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { addWorkingDays } from '../../../domain/calendar/add-working-days.js';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { isWeekend } from '../../../domain/calendar/is-weekend.js';
import { deriveDaysOff } from '../../../domain/calendar/derive-days-off.js';
import { deriveStatutoryHolidays, fromLunar, lunarNewYear, qingming } from '../../../domain/calendar/derive-statutory-holidays.js';
import { markProvisional } from '../../../domain/calendar/mark-provisional.js';
import { parseCalendarImport } from '../../../domain/calendar/parse-calendar-import.js';

describe('deriveStatutoryHolidays', () => {
  it('gives the 13 festival days of 2027 by 《全国年节及纪念日放假办法》', () => {
    expect(deriveStatutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('agrees with the official 2026 festival days chinese-days carries', () => {
    const official = new Set(chineseDays.getHolidaysInRange(new Date(2026, 0, 1, 12), new Date(2026, 11, 31, 12), false));
    for (const day of deriveStatutoryHolidays(2026)) expect(official.has(day.date), day.date).toBe(true);
  });

  it.each([
    [2025, '2025-01-29', '2025-05-31', '2025-10-06', '2025-04-04'],
    [2028, '2028-01-26', '2028-05-28', '2028-10-03', '2028-04-04'],
    [2030, '2030-02-03', '2030-06-05', '2030-09-12', '2030-04-05'],
  ])('%i: 春节 %s, 端午 %s, 中秋 %s, 清明 %s', (year, spring, dragon, moon, tomb) => {
    expect([lunarNewYear(year), fromLunar(year, 5, 5), fromLunar(year, 8, 15), qingming(year)]).toEqual([spring, dragon, moon, tomb]);
  });
});

describe('deriveDaysOff (第六条: a festival day on a Saturday or Sunday is made up on a working day)', () => {
  it('gives 2027 its make-up days, counted by hand', () => {
    // 春节 02-05 Fri … 02-08 Mon holds Sat 02-06 and Sun 02-07; 劳动节 05-01/02 are Sat/Sun; 国庆 10-02/03 are Sat/Sun.
    // 元旦 (Fri), 清明 04-05 (Mon), 端午 06-09 (Wed) and 中秋 09-15 (Wed) fall on weekdays and owe nothing.
    expect(deriveDaysOff(2027).filter((day) => day.name.endsWith('补假'))).toEqual([
      { date: '2027-02-09', name: '春节补假' },
      { date: '2027-02-10', name: '春节补假' },
      { date: '2027-05-03', name: '劳动节补假' },
      { date: '2027-05-04', name: '劳动节补假' },
      { date: '2027-10-04', name: '国庆节补假' },
      { date: '2027-10-05', name: '国庆节补假' },
    ]);
    const calendar = createWorkingCalendar();
    expect(['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05'].map((date) => calendar.isWorkday(date))).toEqual(
      Array(6).fill(false),
    );
    expect(['2027-02-11', '2027-05-05', '2027-10-06'].map((date) => calendar.isWorkday(date))).toEqual([true, true, true]);
  });

  it('makes up 2028-01-01 (Saturday) on Monday 01-03 and 端午 2028-05-28 (Sunday) on 05-29', () => {
    expect(
      deriveDaysOff(2028)
        .filter((day) => day.name.endsWith('补假'))
        .map((day) => day.date),
    ).toEqual(['2028-01-03', '2028-05-29', '2028-10-04']);
  });

  it.each([2025, 2026])('agrees with the official %i schedule: every derived day off is off', (year) => {
    const official = new Set(chineseDays.getHolidaysInRange(new Date(year, 0, 1, 12), new Date(year, 11, 31, 12), false));
    for (const day of deriveDaysOff(year)) expect(official.has(day.date), `${day.date} ${day.name}`).toBe(true);
  });
});

describe('a provisional year', () => {
  it('counts derived festivals and weekends as days off, and marks dates in it 暂定', () => {
    const calendar = createWorkingCalendar();
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
    expect(calendar.isWorkday('2027-02-08')).toBe(false);
    expect(calendar.isWorkday('2027-02-11')).toBe(true);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-04')).toBe(true);
    // A deadline crossing the year: Wednesday 2026-12-30 + 2 working days.
    const due = addWorkingDays(calendar, '2026-12-30', 2);
    expect(due).toBe('2027-01-04');
    expect(markProvisional(calendar, due, '2026-12-30')).toBe('2027-01-04（暂定）');
    expect(markProvisional(calendar, '2026-12-31', '2026-12-30')).toBe('2026-12-31');
  });

  it('is no longer 暂定 once the year is entered, and the entered days win', () => {
    const calendar = createWorkingCalendar(
      [
        { date: '2027-02-04', isWorkday: false },
        { date: '2027-02-20', isWorkday: true },
      ],
      [2027],
    );
    expect(markProvisional(calendar, '2027-01-04', '2026-12-30')).toBe('2027-01-04');
    expect(calendar.isWorkday('2027-02-04')).toBe(false);
    expect(calendar.isWorkday('2027-02-20')).toBe(true);
  });
});

describe('weekdays and the server time zone', () => {
  it('knows weekends from the date alone', () => {
    expect(['2026-03-07', '2026-03-08', '2026-03-09'].map(isWeekend)).toEqual([true, true, false]);
  });

  it('gives identical working days for 2026 and 2027 under America/Los_Angeles, Asia/Shanghai and Pacific/Kiritimati', () => {
    const script = `
      import { createWorkingCalendar } from './domain/calendar/create-working-calendar.ts';
      import { deriveStatutoryHolidays } from './domain/calendar/derive-statutory-holidays.ts';
      const calendar = createWorkingCalendar();
      const days = [];
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 86400000) {
        const date = new Date(t).toISOString().slice(0, 10);
        days.push(calendar.isWorkday(date) ? 'W' : '-');
      }
      console.log(days.join('') + ' ' + deriveStatutoryHolidays(2027).map((day) => day.date).join(','));`;
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim();
    const shanghai = run('Asia/Shanghai');
    expect(shanghai.slice(0, 730)).toMatch(/^-{3}/); // 2026-01-01..03 元旦
    expect(run('America/Los_Angeles')).toBe(shanghai);
    expect(run('Pacific/Kiritimati')).toBe(shanghai);
  });
});

describe('parseCalendarImport', () => {
  it('reads one day or range a line, 休 and 班, with a header line', () => {
    const parsed = parseCalendarImport('日期,类型,说明\n2027-01-01,休,元旦\n2027-02-05至2027-02-07，休，春节\n2027-02-20 班 春节调休');
    expect(parsed).toEqual({
      ok: true,
      year: 2027,
      days: [
        { date: '2027-01-01', isWorkday: false, note: '元旦' },
        { date: '2027-02-05', isWorkday: false, note: '春节' },
        { date: '2027-02-06', isWorkday: false, note: '春节' },
        { date: '2027-02-07', isWorkday: false, note: '春节' },
        { date: '2027-02-20', isWorkday: true, note: '春节调休' },
      ],
    });
  });

  it('reads chinese-days JSON', () => {
    expect(parseCalendarImport('{"holidays":{"2027-01-01":"New Year\'s Day,元旦,1"},"workdays":{"2027-02-20":"Spring Festival,春节,4"}}')).toEqual({
      ok: true,
      year: 2027,
      days: [
        { date: '2027-01-01', isWorkday: false, note: '元旦' },
        { date: '2027-02-20', isWorkday: true, note: '春节' },
      ],
    });
  });

  it('refuses a bad line, two years at once and nothing', () => {
    expect(parseCalendarImport('2027-02-30,休')).toEqual({ ok: false, code: 'BAD_LINE', line: '2027-02-30,休' });
    expect(parseCalendarImport('2027-01-01,休\n2028-01-01,休')).toEqual({ ok: false, code: 'MIXED_YEARS' });
    expect(parseCalendarImport('')).toEqual({ ok: false, code: 'EMPTY' });
  });
});
