import type { IsoDate } from './shanghai-time.js';

/**
 * Saturday or Sunday, from the date alone: never from the server's time zone.
 * @example isWeekend('2026-03-07') // true
 */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
