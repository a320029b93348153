// Writes a failed send of a claimed row, one row at a time (confirmed sends are written a few at a
// time: record-sent-rows.ts; a row marked sent is never claimed again). A temporary failure waits with
// backoff; a permanent one, or too many temporary ones, is marked failed and reported to admins.
// A group chat the platform refused becomes one message per member, and the chat goes direct.
// A try whose outcome is unknown is counted on the row (`unknownOutcomes`); where the platform drops
// no duplicate, the resend waits at least a lease and goes out marked (send-pending.ts).
// Each update checks the row is still this sender's claim (status and attempts unchanged): a
// sender whose lease ran out must not overwrite the outcome of the one that took over.
import type { Db } from '../../prisma/open-database.js';
import type { Logger } from '../../core/logger.js';
import type { OutgoingMessage } from '../../core/messages.js';
import { computeBackoff } from './compute-backoff.js';
import { endClaim, retryClaimLater } from '../../prisma/outbox-store.js';
import type { DueRow } from './due-row.js';
import { enqueueMessage } from '../../core/enqueue-message.js';
import type { DeliveryResult } from '../transport/messenger.js';
import { reportFailure } from './report-failure.js';

type Failure = Extract<DeliveryResult, { ok: false }>;

const MAX_ATTEMPTS = 12;

/** The start of the error of a row not sent a third time (send-pending.ts); the admins are asked to check with the recipient. */
export const UNKNOWN_TWICE = 'outcome unknown twice';

/** `unknownWaitMs`: the least wait after an unknown outcome — a lease where the platform drops no duplicate, else 0. */
export async function recordFailure(prisma: Db, row: DueRow, result: Failure, now: Date, logger: Logger, unknownWaitMs = 0): Promise<void> {
  const log = { outboxId: String(row.id), kind: row.kind, platform: row.platform, attempts: row.attempts };
  if (result.retry && row.attempts < MAX_ATTEMPTS) {
    const unknown = result.unknown === true;
    const waitMs = Math.max(computeBackoff(row.attempts), result.retryAfterMs ?? 0, unknown ? unknownWaitMs : 0);
    logger.warn({ ...log, error: result.error, waitMs, unknown }, 'delivery failed, will retry');
    await retryClaimLater(prisma, row, { error: result.error, until: new Date(now.getTime() + waitMs), unknown });
    return;
  }
  if (!result.retry && result.groupRefused && row.chatId) {
    logger.warn({ ...log, error: result.error }, 'group chat refused, sending to each member');
    await prisma.$transaction(async (tx) => {
      // Sent: its message goes to each member instead.
      if (!(await endClaim(tx, row, 'sent', result.error, now))) return;
      const chat = await tx.groupChat.update({ where: { id: row.chatId! }, data: { direct: true } });
      for (const personId of chat.memberIds) {
        await enqueueMessage(tx, { to: { personId }, message: row.payload as OutgoingMessage, dedupKey: `chat:${row.id}:${personId}` });
      }
      await reportFailure(tx, { ...row, dedupKey: null }, `${result.error}；项目群消息已改为逐人发送`, now);
    });
    return;
  }
  const error = result.retry ? `gave up after ${row.attempts} tries: ${result.error}` : result.error;
  logger.error({ ...log, error }, 'delivery failed for good');
  await prisma.$transaction(async (tx) => {
    if (await endClaim(tx, row, 'failed', error, now))
      await reportFailure(tx, row, error, now, error.startsWith(UNKNOWN_TWICE) ? '请向收件人确认是否收到。' : undefined);
  });
}
