// Dates as people type them: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 3月5日 (this year), 今天.
// A plan's date may be a month (预计开工：2027年3月, 2027-03): it stands for the month's first day.
import { addCalendarDays, type IsoDate } from '../calendar/shanghai-time.js';
import { toHalfWidth } from './parse-investment.js';

export type ParsedDate = { ok: true; date: IsoDate } | { ok: false; code: 'BAD_DATE' };

/**
 * @example parseDate('2026年3月5日', '2026-11-20') // { ok: true, date: '2026-03-05' }
 * @example parseDate('3月5日', '2026-11-20') // { ok: true, date: '2026-03-05' }
 * @example parseDate('2027年3月', '2026-11-20', { month: true }) // { ok: true, date: '2027-03-01' }
 */
export function parseDate(text: string, today: IsoDate, options: { month?: boolean } = {}): ParsedDate {
  const value = toHalfWidth(text).replace(/\s/g, '');
  const monthOnly = options.month ? /^(\d{4})(?:[-/.年])(\d{1,2})月?(?:份|上旬|初)?$/.exec(value) : null;
  if (monthOnly) return parseDate(`${monthOnly[1]}-${monthOnly[2]}-1`, today);
  if (value === '今天' || value === '今日') return { ok: true, date: today };
  if (value === '昨天' || value === '昨日') return { ok: true, date: addCalendarDays(today, -1) };
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value);
  const short = /^(\d{1,2})月(\d{1,2})日?$/.exec(value);
  const [year, month, day] = full ? [full[1], full[2], full[3]] : short ? [today.slice(0, 4), short[1], short[2]] : [];
  if (!year || !month || !day) return { ok: false, code: 'BAD_DATE' };
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Date.parse accepts 2026-02-30 as March 2nd; a round trip catches it.
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return { ok: false, code: 'BAD_DATE' };
  return { ok: true, date };
}
