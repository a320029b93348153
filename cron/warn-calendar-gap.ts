// Tells the admins, once per missing year, that the working-day calendar lacks the official
// holidays of this or the coming year (chinese-days stops at 2026; docs/architecture.md "Toolchain notes"), so
// deadlines and the report-to-window clock would treat holidays as working days.
import type { Db } from '../prisma/open-database.js';
import { enqueueMessage } from '../core/enqueue-message.js';
import { checkCalendarCoverage, describeCalendarGap } from '../domain/calendar/check-calendar-coverage.js';
import { findPeople } from '../core/recipients/find-people.js';
import { readEnteredYears } from '../prisma/read-entered-years.js';

/** Returns the missing year it warned about, or null when the calendar is complete. */
export async function warnCalendarGap(prisma: Db, now: Date): Promise<number | null> {
  return prisma.$transaction(async (tx) => {
    const coverage = checkCalendarCoverage(now, await readEnteredYears(tx));
    if (coverage.ok) return null;
    for (const admin of await findPeople(tx, 'admin')) {
      // The dedup key makes this "tell each admin once per year", however often it runs.
      await enqueueMessage(tx, {
        to: { personId: admin.id },
        message: { kind: 'text', text: describeCalendarGap(coverage.year) },
        dedupKey: `calendar-gap:${coverage.year}:${admin.id}`,
      });
    }
    return coverage.year;
  });
}
