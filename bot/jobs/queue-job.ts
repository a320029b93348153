// Queues work to run after the current transaction commits (bot/jobs/run-due-jobs.ts).
import type { Tx } from '../../prisma/open-database.js';

export async function queueJob(tx: Tx, kind: string, payload: object, now: Date): Promise<void> {
  await tx.job.create({ data: { kind, payload, runAt: now } });
}
