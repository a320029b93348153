// 投诉 not answered in time: reminded on their last day, 督办 the morning after (use-cases/chase-due-complaints.ts),
// one transaction each minute with the schedules.
import type { Db } from '../prisma/open-database.js';
import { chaseDueComplaints } from '../use-cases/chase-due-complaints.js';

/** Returns how many steps (reminders and escalations) were sent. */
export async function chaseComplaints(prisma: Db, now: Date): Promise<number> {
  return prisma.$transaction((tx) => chaseDueComplaints(tx, now));
}
