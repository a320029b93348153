// Low ratings whose 回访 is overdue (use-cases/remind-overdue-follow-ups.ts), one transaction each minute with the schedules.
import type { Db } from '../prisma/open-database.js';
import { remindOverdueFollowUps } from '../use-cases/remind-overdue-follow-ups.js';

/** Returns how many complaints were reminded. */
export async function remindRatingComplaints(prisma: Db, now: Date): Promise<number> {
  return prisma.$transaction((tx) => remindOverdueFollowUps(tx, now));
}
