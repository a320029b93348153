// One pass of the outbox sender: claim the due rows, deliver each through its platform's messenger,
// record each outcome (confirmed sends a few at a time, record-sent-rows.ts; failures one by one).
// Rows to one account go in order, one at a time; different accounts go side by side, sixteen at
// once (why not eight: BENCHMARKS.md "Outbox: sends side by side"). WeCom limits concurrent calls
// per app (45033, retried as temporary: bot/wecom/classify-wecom-failure.ts), so the number stays bounded.
// A row an earlier try of which has an unknown outcome, on a platform that drops no duplicate of it
// (Messenger.dropsDuplicates), is shown at most twice and never twice unmarked: it goes out marked as
// a resend (RESEND_MARK), and after a second unknown outcome it is not sent again but set aside and
// the admins told (docs/architecture.md "Faults and recovery").
import type { Db } from '../../prisma/open-database.js';
import type { Logger } from '../../core/logger.js';
import type { OutgoingMessage, Platform } from '../../core/messages.js';
import type { ChatTarget, Delivery, DeliveryResult, Messenger } from '../transport/messenger.js';
import { claimDueRows, LEASE_MS } from './claim-due-rows.js';
import { releaseClaims } from '../../prisma/outbox-store.js';
import type { DueRow } from './due-row.js';
import { recordFailure, UNKNOWN_TWICE } from './record-failure.js';
import { recordSentRows } from './record-sent-rows.js';
import { readStoredFiles } from './read-stored-files.js';

const PARALLEL_ACCOUNTS = 16;

export interface SendOptions {
  now: Date;
  logger: Logger;
  leaseMs?: number;
  /** Aborted when the server stops: sends under way finish, the rest of the batch is released at once. */
  stopping?: AbortSignal;
  /** Told each try's outcome (bot/metrics/create-metrics.ts). */
  observe?: (platform: string, outcome: 'sent' | 'retry' | 'failed' | 'unknown') => void;
}

/** Returns the number of rows delivered in this pass. */
export async function sendPending(prisma: Db, messengers: ReadonlyMap<Platform, Messenger>, options: SendOptions): Promise<number> {
  const { now, logger } = options;
  const limits = new Map([...messengers].map(([platform, messenger]) => [platform, messenger.limits]));
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const rows = await claimDueRows(prisma, { now, limits, leaseMs });
  const byAddress = new Map<string, DueRow[]>();
  for (const row of rows) {
    const address = row.chatId ?? `${row.platform}:${row.account}`;
    byAddress.set(address, [...(byAddress.get(address) ?? []), row]);
  }
  const queues = [...byAddress.values()];
  const unstarted = new Set(rows);
  const sentRows = recordSentRows(prisma, now);
  const messageOf = readStoredFiles(prisma);
  let sent = 0;
  const work = async (): Promise<void> => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const row of queue) {
        if (options.stopping?.aborted) return;
        unstarted.delete(row);
        const { result, dropsDuplicates } = await deliver(prisma, messengers.get(row.platform!)!, row, messageOf, logger);
        options.observe?.(row.platform!, result.ok ? 'sent' : !result.retry ? 'failed' : result.unknown ? 'unknown' : 'retry');
        if (result.ok) {
          sentRows.add(row, result.platformMsgId);
          sent += 1;
        } else await recordFailure(prisma, row, result, now, logger, dropsDuplicates ? 0 : leaseMs);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_ACCOUNTS }, work)).finally(() => sentRows.finish());
  if (unstarted.size > 0) await release(prisma, [...unstarted], now, new Date(now.getTime() + leaseMs), logger);
  return sent;
}

/**
 * Claimed rows the stopping server never tried go back to the queue now, for another instance or
 * the next start, instead of waiting out their lease (docs/architecture.md "Faults and recovery").
 */
async function release(prisma: Db, rows: DueRow[], now: Date, leaseEnd: Date, logger: Logger): Promise<void> {
  // Only rows still under this pass's lease: after a pass that outlived it, another instance may hold
  // them. Due as they were when claimed (at `now` or before).
  await releaseClaims(
    prisma,
    rows.map((row) => row.id),
    leaseEnd,
    now,
  );
  logger.info({ rows: rows.length }, 'stopping: claimed messages not yet sent released');
}

const UNKNOWN_TWICE_WORDS = '两次发送都没有等到平台的答复，消息可能已显示两次，不再重发';

async function deliver(
  prisma: Db,
  messenger: Messenger,
  row: DueRow,
  messageOf: (payload: unknown) => Promise<OutgoingMessage>,
  logger: Logger,
): Promise<{ result: DeliveryResult; dropsDuplicates: boolean }> {
  let delivery: Delivery;
  try {
    const to = row.chatId ? { chat: await chatTarget(prisma, row.chatId, messenger.platform) } : { account: row.account! };
    delivery = { outboxId: row.id, to, message: await messageOf(row.payload), attempt: row.attempts, reply: row.reply };
  } catch (error) {
    logger.error({ err: error, outboxId: String(row.id) }, 'cannot address the message');
    return { result: { ok: false, retry: true, error: `cannot address: ${(error as Error).message}` }, dropsDuplicates: true };
  }
  const dropsDuplicates = messenger.dropsDuplicates(delivery);
  if (row.unknownOutcomes >= 2 && !dropsDuplicates)
    return { result: { ok: false, retry: false, error: `${UNKNOWN_TWICE}：${UNKNOWN_TWICE_WORDS}` }, dropsDuplicates };
  try {
    return { result: await messenger.deliver({ ...delivery, resend: row.unknownOutcomes > 0 && !dropsDuplicates }), dropsDuplicates };
  } catch (error) {
    // A messenger bug: the outcome is unknown, so retry later rather than lose the message.
    logger.error({ err: error, outboxId: String(row.id) }, 'messenger threw');
    return { result: { ok: false, retry: true, unknown: true, error: `messenger threw: ${(error as Error).message}` }, dropsDuplicates };
  }
}

/** The chat with its members as accounts on the chat's platform. */
async function chatTarget(prisma: Db, chatId: string, platform: Platform): Promise<ChatTarget> {
  const chat = await prisma.groupChat.findUniqueOrThrow({ where: { id: chatId } });
  const accounts = await prisma.account.findMany({ where: { platform, personId: { in: [...chat.memberIds, chat.ownerId] } } });
  const accountOf = new Map(accounts.map((row) => [row.personId, row.account]));
  const members = chat.memberIds.map((id) => accountOf.get(id)).filter((account): account is string => account !== undefined);
  return { id: chat.id, name: chat.name, owner: accountOf.get(chat.ownerId) ?? members[0]!, members };
}
