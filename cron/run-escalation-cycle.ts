// The escalation cycle's beat (docs/architecture.md "Several instances"): one transaction per batch of
// due calls, until a batch comes back short. What a batch does — claim, decide each step, record the
// events with their audience, queue the notices — is use-cases/escalate-due-calls.ts.
import type { Db } from '../prisma/open-database.js';
import type { Logger } from '../core/logger.js';
import type { Policy } from '../domain/policy.js';
import { escalateDueCalls } from '../use-cases/escalate-due-calls.js';

/** How often the cycle runs: lateness stays within the beat plus one batch (issue 11: p99 ≤ 2 s). */
export const ESCALATION_CYCLE_MS = 1000;

/** Calls claimed per transaction: big enough that a minute's 10,000 take a few batches, small enough to keep each transaction short. */
const BATCH_SIZE = 500;

export interface EscalationOptions {
  now: Date;
  policy: Policy;
  logger?: Logger;
  batchSize?: number;
}

/** Runs one pass; returns the number of steps fired. */
export async function runEscalationCycle(prisma: Db, { now, policy, logger, batchSize = BATCH_SIZE }: EscalationOptions): Promise<number> {
  let fired = 0;
  let notices = 0;
  for (;;) {
    const batch = await prisma.$transaction((tx) => escalateDueCalls(tx, { now, policy, batchSize }));
    fired += batch.fired;
    notices += batch.notices;
    if (batch.claimed < batchSize) break;
  }
  if (fired > 0) logger?.info({ steps: fired, notices }, 'calls escalated');
  return fired;
}
