// An outbox row as the sender claims it (bot/outbox/claim-due-rows.ts). Its own file, so the steps
// the claim runs (bundle-notices.ts, report-failure.ts) and the sender take the type from below
// instead of importing the claim back (issue 17: no import cycle).
import type { Platform } from '../../core/messages.js';

export interface DueRow {
  id: bigint;
  personId: number | null;
  chatId: string | null;
  platform: Platform | null;
  account: string | null;
  reply: boolean;
  kind: string;
  payload: unknown;
  attempts: number;
  /** Tries whose outcome is unknown, this claim's included when it takes the row back after a lease. */
  unknownOutcomes: number;
  dedupKey: string | null;
  nextAttemptAt: Date;
}
