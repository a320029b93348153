// The confirmed sends of one pass, written a few at a time: one UPDATE for every FLUSH_ROWS sends or
// whatever FLUSH_MS collected, instead of one statement per row (on the embedded database every
// statement waits for its one connection, behind the escalation passes and the claims). A send is
// final once written (record-failure.ts writes the failed ones); until then a crash leaves its row `sending`, and it is
// sent again when its lease ends and dropped by WeCom's duplicate check (docs/architecture.md
// "Faults and recovery"), so the wait stays in tens of milliseconds. Each row is still checked to be
// this sender's claim (status and attempts unchanged).
import type { Db } from '../../prisma/open-database.js';
import { markClaimsSent } from '../../prisma/outbox-store.js';
import type { DueRow } from './due-row.js';

const FLUSH_ROWS = 50;
const FLUSH_MS = 20;

export interface SentRows {
  add(row: DueRow, platformMsgId: string | undefined): void;
  /** Writes what is left and waits for every write; throws the first write that failed. */
  finish(): Promise<void>;
}

export function recordSentRows(prisma: Db, now: Date): SentRows {
  let waiting: { id: bigint; attempts: number; platformMsgId: string | null }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writes: Promise<void> = Promise.resolve();
  let failed: unknown = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = waiting;
    waiting = [];
    if (rows.length === 0) return;
    writes = writes
      .then(async () => {
        await markClaimsSent(prisma, rows, now);
      })
      .catch((error: unknown) => {
        failed ??= error;
      });
  };
  return {
    add(row, platformMsgId) {
      waiting.push({ id: row.id, attempts: row.attempts, platformMsgId: platformMsgId ?? null });
      if (waiting.length >= FLUSH_ROWS) flush();
      else timer ??= setTimeout(flush, FLUSH_MS);
    },
    async finish() {
      flush();
      await writes;
      if (failed) throw failed;
    },
  };
}
