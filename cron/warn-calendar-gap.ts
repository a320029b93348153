// Tells the admins, once per missing year, that the working-day calendar lacks the official
// holidays of this or the coming year (use-cases/find-calendar-gap.ts), so deadlines and the
// report-to-window clock would treat holidays as working days.
import type { Db } from '../prisma/open-database.js';
import { describeCalendarGap } from '../domain/calendar/check-calendar-coverage.js';
import { findCalendarGap } from '../use-cases/find-calendar-gap.js';
import { tellAdminsOnce } from '../use-cases/tell-admins-once.js';

/** Returns the missing year it warned about, or null when the calendar is complete. */
export async function warnCalendarGap(prisma: Db, now: Date): Promise<number | null> {
  return prisma.$transaction(async (tx) => {
    const year = await findCalendarGap(tx, now);
    // The key makes this "tell each admin once per year", however often it runs.
    if (year !== null) await tellAdminsOnce(tx, [{ key: `calendar-gap:${year}`, text: describeCalendarGap(year) }]);
    return year;
  });
}
