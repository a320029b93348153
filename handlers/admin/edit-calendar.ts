// 日历: the admin enters the State Council's holiday schedule for years chinese-days does not know
// yet (it stops at 2026; shared/TOOLCHAIN.md) and local exceptions. A day off is 休, a make-up
// working day (调休) is 班. Deadlines and the report-to-window clock read these at once.
//   日历 2027                              — that year's entries
//   日历 2027-02-10至2027-02-16 休 春节      — days off
//   日历 2027-02-07 班 春节调休              — a working Saturday or Sunday
//   日历 2027-02-07 删除                     — back to the built-in calendar
import type { RegisteredContext } from '../context.js';
import { addCalendarDays, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { checkCalendarCoverage } from '../../domain/calendar/check-calendar-coverage.js';

const USAGE = '格式：日历 2027-01-01 休 元旦；日历 2027-02-07 班 春节调休；日历 2027-01-01 删除；日历 2027（查看）。';
const DATE = /^(\d{4}-\d{2}-\d{2})(?:(?:至|~|到)(\d{4}-\d{2}-\d{2}))?$/;

export async function editCalendar(ctx: RegisteredContext): Promise<void> {
  const [span = '', verb, ...rest] = ctx.args.split(/\s+/).filter(Boolean);
  if (span === '' || /^\d{4}$/.test(span)) return listYear(ctx, Number(span || shanghaiDate(ctx.now).slice(0, 4)));
  const match = DATE.exec(span);
  const days = match ? expand(match[1]!, match[2] ?? match[1]!) : [];
  if (days.length === 0 || days.length > 31 || !['休', '班', '删除'].includes(verb ?? '')) return ctx.reply(USAGE);

  const before = await ctx.tx.calendarDay.findMany({ where: { date: { in: days.map(asDate) } } });
  if (verb === '删除') {
    await ctx.tx.calendarDay.deleteMany({ where: { date: { in: days.map(asDate) } } });
  } else {
    const data = { isWorkday: verb === '班', note: rest.join(' ') };
    for (const day of days) await ctx.tx.calendarDay.upsert({ where: { date: asDate(day) }, create: { date: asDate(day), ...data }, update: data });
  }
  await ctx.record({
    kind: 'calendar.changed',
    before: { days: before.map((day) => ({ date: isoOf(day.date), isWorkday: day.isWorkday, note: day.note })) },
    after: { days, change: verb, note: rest.join(' ') },
  });
  const what = verb === '删除' ? '恢复为内置日历' : verb === '休' ? '设为休息日' : '设为工作日（调休）';
  await ctx.reply(`已将 ${days[0]}${days.length > 1 ? ` 至 ${days.at(-1)}（${days.length} 天）` : ''}${what}。`);
}

async function listYear(ctx: RegisteredContext, year: number): Promise<void> {
  const days = await ctx.tx.calendarDay.findMany({
    where: { date: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) } },
    orderBy: { date: 'asc' },
  });
  const coverage = checkCalendarCoverage(ctx.now, (await ctx.tx.calendarDay.findMany()).map((day) => ({ date: isoOf(day.date), isWorkday: day.isWorkday })));
  const lines = [`${year} 年日历补录 ${days.length} 天：`, ...days.map((day) => `· ${isoOf(day.date)} ${day.isWorkday ? '班' : '休'} ${day.note}`.trimEnd())];
  if (!coverage.ok) lines.push(`${coverage.year} 年的法定节假日尚未录入。${USAGE}`);
  await ctx.reply(lines.join('\n'));
}

function expand(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length <= 31; day = addCalendarDays(day, 1)) days.push(day);
  return days.every((day) => !Number.isNaN(asDate(day).getTime()) && isoOf(asDate(day)) === day) ? days : [];
}

const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const isoOf = (date: Date): string => date.toISOString().slice(0, 10);
