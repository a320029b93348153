// One pass of the outbox sender: claim the due rows, deliver them, record each outcome. Rows to
// one recipient go in order, one at a time; different recipients go side by side, a few at once
// (WeCom also limits concurrent calls per app: 45033).
import type { Db } from '../../prisma/open-database.js';
import type { Logger } from '../logger.js';
import type { OutgoingMessage } from '../outgoing-message.js';
import { claimDueRows, type ClaimOptions, type DueRow } from './claim-due-rows.js';
import type { DeliveryResult, Messenger } from './messenger.js';
import { recordOutcome } from './record-outcome.js';

const PARALLEL_RECIPIENTS = 4;

export interface SendOptions extends ClaimOptions {
  logger: Logger;
}

/** Returns the number of rows delivered in this pass. */
export async function sendPending(prisma: Db, messenger: Messenger, options: SendOptions): Promise<number> {
  const { now, logger } = options;
  const rows = await claimDueRows(prisma, options);
  const byRecipient = new Map<string, DueRow[]>();
  for (const row of rows) byRecipient.set(row.recipient, [...(byRecipient.get(row.recipient) ?? []), row]);
  const queues = [...byRecipient.values()];
  let sent = 0;
  const work = async (): Promise<void> => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const row of queue) {
        const result = await deliver(messenger, row, logger);
        await recordOutcome(prisma, row, result, now, logger);
        if (result.ok) sent += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_RECIPIENTS }, work));
  return sent;
}

async function deliver(messenger: Messenger, row: DueRow, logger: Logger): Promise<DeliveryResult> {
  try {
    return await messenger.deliver({
      outboxId: row.id,
      recipient: row.recipient,
      toChat: row.toChat,
      message: row.payload as OutgoingMessage,
      taskId: row.taskId,
    });
  } catch (error) {
    // A messenger bug: the outcome is unknown, so retry later rather than lose the message.
    logger.error({ err: error, outboxId: String(row.id) }, 'messenger threw');
    return { ok: false, retry: true, error: `messenger threw: ${(error as Error).message}` };
  }
}
