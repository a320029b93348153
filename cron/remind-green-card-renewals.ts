// 服务绿卡 whose renewal window opened (use-cases/remind-due-renewals.ts), one transaction each minute with the schedules.
import type { Db } from '../prisma/open-database.js';
import { remindDueRenewals } from '../use-cases/remind-due-renewals.js';

/** Returns how many cards were reminded. */
export async function remindGreenCardRenewals(prisma: Db, now: Date): Promise<number> {
  return prisma.$transaction((tx) => remindDueRenewals(tx, now));
}
