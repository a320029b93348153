// The first year, this or the coming one, whose official holidays the working-day calendar lacks
// (chinese-days stops at 2026; docs/architecture.md "Toolchain notes"), from the years an admin entered.
import type { Tx } from '../prisma/open-database.js';
import { checkCalendarCoverage } from '../domain/calendar/check-calendar-coverage.js';
import { readEnteredYears } from '../prisma/read-entered-years.js';

/** The missing year, or null when the calendar is complete. */
export async function findCalendarGap(tx: Tx, now: Date): Promise<number | null> {
  const coverage = checkCalendarCoverage(now, await readEnteredYears(tx));
  return coverage.ok ? null : coverage.year;
}
