// Fills 报到 office minutes (Call.ackMinutes, migration 0019) on taken calls that have none: those taken
// before the column existed, or written by a seed. use-cases/take-calls.ts writes them when a call is
// taken; this fills the rest once, with the same count (countOfficeMinutes, rounded), when the 单位 pages
// first read them. A derived figure, not a state change: no Event is recorded (the task.taken Event
// already carries minutesAfterPosting).
// Two instances may fill the same calls at once: each locks the rows still unfilled in id order, so one
// waits for the other and then finds them filled (`"ackMinutes" IS NULL` is checked again after the wait,
// PostgreSQL docs "UPDATE": READ COMMITTED re-evaluates the WHERE on the updated row), never a deadlock.
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './open-database.js';

export interface UnfilledCall {
  id: number;
  postedAt: Date;
  takenAt: Date;
}

/** The given units' calls taken within [since, now] without minutes (the partial index of migration 0019). */
export async function listUnfilledCalls(tx: Tx, unitIds: readonly number[], since: Date, now: Date): Promise<UnfilledCall[]> {
  if (unitIds.length === 0) return [];
  return tx.$queryRaw<UnfilledCall[]>`
    SELECT id, "postedAt", "takenAt" FROM "Call"
    WHERE "unitId" IN (${Prisma.join(unitIds)}) AND "takenAt" >= ${since} AND "takenAt" <= ${now} AND "ackMinutes" IS NULL
    ORDER BY id`;
}

/** Writes each call's minutes unless another instance wrote them first. */
export async function fillAckMinutes(tx: Tx, calls: readonly { id: number; minutes: number }[]): Promise<void> {
  if (calls.length === 0) return;
  await tx.$executeRaw`
    WITH locked AS (
      SELECT id FROM "Call" WHERE id = ANY(${calls.map((call) => call.id)}::int[]) AND "ackMinutes" IS NULL ORDER BY id FOR UPDATE
    )
    UPDATE "Call" AS c SET "ackMinutes" = u.minutes
    FROM unnest(${calls.map((call) => call.id)}::int[], ${calls.map((call) => call.minutes)}::int[]) AS u(id, minutes), locked
    WHERE c.id = u.id AND c.id = locked.id`;
}
