// 日历: the admin enters the State Council's holiday schedule for years chinese-days does not know
// yet (it stops at 2026; docs/architecture.md "Toolchain notes") and local exceptions. A day off is 休, a make-up
// working day (调休) is 班. Deadlines and the report-to-window clock read these at once.
//   日历 2027                              — that year's entries
//   日历 2027-02-10至2027-02-16 休 春节      — days off
//   日历 2027-02-07 班 春节调休              — a working Saturday or Sunday
//   日历 2027-02-07 删除                     — back to the built-in calendar
//   日历 导入 + one day a line (or JSON)      — the official schedule of a whole year (every festival day 休)
//   日历 导入 确认 + …                        — the same, even though it lacks a festival day
//   日历 2027 完成                           — the days entered one by one are the whole schedule
// A year chinese-days does not know is 暂定 until it is imported or marked 完成.
import type { RegisteredContext } from '../context.js';
import { addCalendarDays, shanghaiDate } from '../../domain/calendar/shanghai-time.js';
import { checkCalendarCoverage } from '../../domain/calendar/check-calendar-coverage.js';
import { hasOfficialSchedule } from '../../domain/calendar/create-working-calendar.js';
import { findMissingFestivals } from '../../domain/calendar/find-missing-festivals.js';
import { parseCalendarImport } from '../../domain/calendar/parse-calendar-import.js';
import { readEnteredYears, YEAR_ENTERED } from '../../prisma/read-entered-years.js';
import { recomputeTaskClocks } from '../../use-cases/recompute-task-clocks.js';

const USAGE =
  '格式：日历 2027-01-01 休 元旦；日历 2027-02-07 班 春节调休；日历 2027-01-01 删除；日历 2027（查看）；日历 导入（下一行起每行一天：2027-01-01,休,元旦）；日历 2027 完成。';
const DATE = /^(\d{4}-\d{2}-\d{2})(?:(?:至|~|到)(\d{4}-\d{2}-\d{2}))?$/;

export async function editCalendar(ctx: RegisteredContext): Promise<void> {
  const [span = '', verb, ...rest] = ctx.args.split(/\s+/).filter(Boolean);
  if (span === '导入') return importYear(ctx, ctx.args.slice(ctx.args.indexOf('导入') + 2));
  if (/^\d{4}$/.test(span) && verb === '完成') return markEntered(ctx, Number(span), 0);
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
  await ctx.reply(`已将 ${days[0]}${days.length > 1 ? ` 至 ${days.at(-1)}（${days.length} 天）` : ''}${what}。${await moveDeadlines(ctx)}`);
}

async function listYear(ctx: RegisteredContext, year: number): Promise<void> {
  const days = await ctx.tx.calendarDay.findMany({
    where: { date: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) } },
    orderBy: { date: 'asc' },
  });
  const entered = await readEnteredYears(ctx.tx);
  const coverage = checkCalendarCoverage(ctx.now, entered);
  const lines: string[] = [
    `${year} 年日历补录 ${days.length} 天：`,
    ...days.map((day) => `· ${isoOf(day.date)} ${day.isWorkday ? '班' : '休'} ${day.note}`.trimEnd()),
  ];
  if (!entered.includes(year) && !hasOfficialSchedule(year)) lines.push(`${year} 年尚未录入官方安排，期限暂定。`);
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

/**
 * Replaces the year's entries with the official schedule and ends its 暂定 status. A schedule that does
 * not give every festival day off is refused with what it lacks, unless the admin writes 确认 after 导入.
 */
async function importYear(ctx: RegisteredContext, text: string): Promise<void> {
  const confirmed = /^[ \t]*确认/.test(text);
  const body = confirmed ? text.replace(/^[ \t]*确认/, '') : text;
  const parsed = parseCalendarImport(body);
  if (!parsed.ok) {
    if (parsed.code === 'BAD_LINE')
      return ctx.reply(`看不懂这一行：「${parsed.line}」。每行一天或一段，例如 2027-02-05至2027-02-11,休,春节 或 2027-02-07,班,春节调休。`);
    if (parsed.code === 'MIXED_YEARS') return ctx.reply('一次只能导入一年的安排，请按年份分开发送。');
    return ctx.reply('请在「日历 导入」的下一行起写安排，每行一天，例如：\n日历 导入\n2027-01-01,休,元旦\n2027-02-07,班,春节调休');
  }
  const missing = findMissingFestivals(parsed.year, parsed.days);
  if (missing.length > 0 && !confirmed)
    return ctx.reply(
      [
        `这份安排缺少 ${parsed.year} 年的法定节日，导入后这些日子会算作工作日：`,
        ...missing.map((festival) => `· ${festival.name} ${festival.dates.join('、')}`),
        `请补上这些行（如 ${missing[0]!.dates[0]},休,${missing[0]!.name}）后重新发送整年安排；确需如此导入，请把第一行写成「日历 导入 确认」。`,
      ].join('\n'),
    );
  const range = { gte: asDate(`${parsed.year}-01-01`), lte: asDate(`${parsed.year}-12-31`) };
  const before = await ctx.tx.calendarDay.findMany({ where: { date: range } });
  await ctx.tx.calendarDay.deleteMany({ where: { date: range } });
  await ctx.tx.calendarDay.createMany({ data: parsed.days.map((day) => ({ date: asDate(day.date), isWorkday: day.isWorkday, note: day.note })) });
  await ctx.record({
    kind: 'calendar.changed',
    before: { days: before.map((day) => ({ date: isoOf(day.date), isWorkday: day.isWorkday, note: day.note })) },
    after: { days: parsed.days.map((day) => day.date), change: '导入' },
  });
  await markEntered(ctx, parsed.year, parsed.days.length);
}

async function markEntered(ctx: RegisteredContext, year: number, imported: number): Promise<void> {
  await ctx.record({ kind: YEAR_ENTERED, after: { year, imported } });
  const off =
    imported > 0 ? await ctx.tx.calendarDay.count({ where: { isWorkday: false, date: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) } } }) : 0;
  const what = imported > 0 ? `已导入 ${year} 年官方安排 ${imported} 天（休 ${off} 天，班 ${imported - off} 天）` : `已将 ${year} 年日历标为完成`;
  await ctx.reply(`${what}，${year} 年的期限不再是暂定。${await moveDeadlines(ctx)}`);
}

/** Derives every open task's deadlines again on the changed calendar; says how many moved. */
async function moveDeadlines(ctx: RegisteredContext): Promise<string> {
  const moved = await recomputeTaskClocks(ctx.tx, ctx.policy, ctx.now);
  return moved > 0 ? `${moved} 个在办任务的期限已按新日历调整。` : '';
}
