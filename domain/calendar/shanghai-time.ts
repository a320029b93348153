// Instants are stored in UTC and reasoned about in Asia/Shanghai (+08:00). China has no daylight
// saving time, so a fixed offset is exact and needs no time-zone database.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in Shanghai, `YYYY-MM-DD`. */
export type IsoDate = string;

// The last instant asked and its date: a digest or 台账 asks for today's date once per card
// (domain/project/traffic-light.ts), all for one instant (BENCHMARKS.md, digests).
let lastAsked = { ms: Number.NaN, date: '' };

/** @example shanghaiDate(new Date('2026-03-06T16:30:00Z')) // '2026-03-07' */
export function shanghaiDate(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (ms !== lastAsked.ms) lastAsked = { ms, date: new Date(ms + OFFSET_MS).toISOString().slice(0, 10) };
  return lastAsked.date;
}

/** Milliseconds since Shanghai midnight. */
export function shanghaiTimeOfDayMs(instant: Date): number {
  return (((instant.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The instant at `timeOfDayMs` after Shanghai midnight of `date`. */
export function shanghaiInstant(date: IsoDate, timeOfDayMs = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + timeOfDayMs);
}

/** @example addCalendarDays('2026-02-28', 1) // '2026-03-01' */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `HH:MM` → milliseconds after midnight. */
export function clockToMs(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * 60 * 1000;
}

/**
 * @example formatShanghai(new Date('2026-03-06T02:03:00Z')) // '03-06 10:03'
 * @example formatShanghai(new Date('2026-03-06T02:03:00Z'), 'datetime') // '2026-03-06 10:03'
 */
export function formatShanghai(instant: Date, style: 'time' | 'minute' | 'date' | 'datetime' = 'minute'): string {
  const iso = new Date(instant.getTime() + OFFSET_MS).toISOString();
  if (style === 'time') return iso.slice(11, 16);
  if (style === 'date') return iso.slice(0, 10);
  if (style === 'datetime') return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}
