// The State Council's schedule of a whole year, pasted by an admin under `日历 导入`: one day or
// range a line (`2027-01-01,休,元旦`, `2027-02-05至2027-02-11 休 春节`, `2027-02-07,班,春节调休`), or
// chinese-days' JSON shape (`{"holidays":{"2027-01-01":"元旦"},"workdays":{"2027-02-07":"春节调休"}}`).
import { addCalendarDays, type IsoDate } from './shanghai-time.js';

export interface ImportedDay {
  date: IsoDate;
  isWorkday: boolean;
  note: string;
}

export type CalendarImport =
  { ok: true; year: number; days: ImportedDay[] } | { ok: false; code: 'EMPTY' | 'MIXED_YEARS' } | { ok: false; code: 'BAD_LINE'; line: string };

const LINE = /^(\d{4}-\d{1,2}-\d{1,2})(?:\s*(?:至|到|~|-{2})\s*(\d{4}-\d{1,2}-\d{1,2}))?[\s,，、;；\t]+(休|班|假|工作日|休息日)(?:[\s,，、;；\t]+(.*))?$/;

/**
 * @example parseCalendarImport('2027-01-01,休,元旦\n2027-02-07,班,春节调休') // { ok: true, year: 2027, days: [2 days] }
 */
export function parseCalendarImport(text: string): CalendarImport {
  const body = text.normalize('NFKC').trim();
  if (body.startsWith('{')) return fromJson(body);
  const days: ImportedDay[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line || /^(日期|date)/i.test(line)) continue;
    const match = LINE.exec(line);
    const from = match && isoOf(match[1]!);
    const to = match && isoOf(match[2] ?? match[1]!);
    if (!match || !from || !to || to < from) return { ok: false, code: 'BAD_LINE', line };
    const isWorkday = match[3] === '班' || match[3] === '工作日';
    for (let date = from; date <= to; date = addCalendarDays(date, 1)) days.push({ date, isWorkday, note: (match[4] ?? '').trim() });
  }
  return finish(days);
}

function fromJson(body: string): CalendarImport {
  try {
    const data = JSON.parse(body) as { holidays?: Record<string, string>; workdays?: Record<string, string> };
    const days: ImportedDay[] = [];
    for (const [key, isWorkday] of [
      ['holidays', false],
      ['workdays', true],
    ] as const) {
      for (const [date, note] of Object.entries(data[key] ?? {})) {
        const iso = isoOf(date);
        if (!iso) return { ok: false, code: 'BAD_LINE', line: date };
        // chinese-days notes read "New Year's Day,元旦,1": keep the Chinese name.
        days.push({ date: iso, isWorkday, note: String(note).split(',')[1] ?? String(note) });
      }
    }
    return finish(days);
  } catch {
    return { ok: false, code: 'BAD_LINE', line: body.split('\n')[0]! };
  }
}

function finish(days: ImportedDay[]): CalendarImport {
  if (days.length === 0) return { ok: false, code: 'EMPTY' };
  const years = new Set(days.map((day) => day.date.slice(0, 4)));
  if (years.size > 1) return { ok: false, code: 'MIXED_YEARS' };
  return { ok: true, year: Number([...years][0]), days: days.sort((a, b) => a.date.localeCompare(b.date)) };
}

function isoOf(text: string): IsoDate | undefined {
  const [year, month, day] = text.split('-');
  const iso = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : undefined;
}
