// Claims the outbox rows that are due, atomically: `FOR UPDATE SKIP LOCKED` lets several sender
// instances run at once without two of them taking one row. A claimed row is marked `sending`
// with a lease (nextAttemptAt = now + lease) and the transaction commits before any platform
// call, so the claim stays short; a sender that dies mid-send leaves a row that becomes due again
// when its lease ends, counted as a try whose outcome is unknown (`unknownOutcomes`:
// docs/architecture.md "Faults and recovery"). On the way, in this order:
// 1. a row to a person gets its platform and account (bot/outbox/choose-account.ts), kept for retries;
// 2. a text too long for its platform becomes several rows (split-by-bytes.ts);
// 3. runs of fresh text notices to one account merge into one (bundle-notices.ts);
// 4. an account already sent its platform's per-minute or per-hour allowance waits (WeCom drops
//    messages beyond 30 a minute and 1,000 an hour per member silently — 发送应用消息 → 频率限制).
// Replies to a person's own command come first and are never bundled.
import type { Db, Tx } from '../../prisma/open-database.js';
import {
  countRecentSends,
  failLockedRow,
  leaseLockedRows,
  lockDueRows,
  postponeLockedRows,
  setOutboxAddresses,
  splitLockedRow,
} from '../../prisma/outbox-store.js';
import type { OutgoingMessage, Platform } from '../../core/messages.js';
import type { MessengerLimits } from '../transport/messenger.js';
import { bundleNotices } from './bundle-notices.js';
import type { DueRow } from './due-row.js';
import { chooseAccounts } from './choose-account.js';
import { reportFailure } from './report-failure.js';
import { splitByBytes } from './split-by-bytes.js';

export interface ClaimOptions {
  now: Date;
  /** The configured platforms, in order of preference, with their limits. */
  limits: ReadonlyMap<Platform, MessengerLimits>;
  batch?: number;
  leaseMs?: number;
}

const MINUTE = 60_000;
const encoder = new TextEncoder();
const HOUR = 60 * MINUTE;

/** A sent row's lease: long enough for the slowest platform call to answer (their timeouts are 10 s). */
export const LEASE_MS = 30_000;

export async function claimDueRows(prisma: Db, { now, limits, batch = 200, leaseMs = LEASE_MS }: ClaimOptions): Promise<DueRow[]> {
  return prisma.$transaction(async (tx) => {
    const due = await lockDueRows<Platform>(tx, now, batch);
    if (due.length === 0) return [];
    const addressed = await addressRows(tx, due, limits, now);
    const rows = await splitLongRows(tx, addressed, limits);

    const byAddress = new Map<string, DueRow[]>();
    for (const row of rows) byAddress.set(addressOf(row), [...(byAddress.get(addressOf(row)) ?? []), row]);
    const used = await countRecent(tx, rows, now);
    const claimed: DueRow[] = [];
    const waiting: bigint[] = [];
    for (const [address, group] of byAddress) {
      const platformLimits = limits.get(group[0]!.platform!)!;
      const ready = [
        ...group.filter((row) => row.reply),
        ...(await bundleNotices(
          tx,
          group.filter((row) => !row.reply),
          platformLimits.maxBytes,
        )),
      ];
      const recent = used.get(address) ?? { minute: 0, hour: 0 };
      const allowed = group[0]!.chatId ? ready.length : Math.max(0, Math.min(platformLimits.perMinute - recent.minute, platformLimits.perHour - recent.hour));
      claimed.push(...ready.slice(0, allowed));
      waiting.push(...ready.slice(allowed).map((row) => row.id));
    }
    if (waiting.length > 0) {
      // Out of the batch window until the account's minute has room again.
      await postponeLockedRows(tx, waiting, new Date(now.getTime() + MINUTE));
    }
    // A row still `sending` when its lease ended was cut mid-send (a crash, a stop, a slow platform):
    // whether the platform took it is unknown.
    const cutShort = new Set(due.filter((row) => row.status === 'sending').map((row) => row.id));
    for (const [rows, unknown] of [
      [claimed.filter((row) => !cutShort.has(row.id)), 0],
      [claimed.filter((row) => cutShort.has(row.id)), 1],
    ] as const) {
      await leaseLockedRows(
        tx,
        rows.map((row) => row.id),
        unknown,
        new Date(now.getTime() + leaseMs),
      );
    }
    return claimed.map((row) => ({ ...row, attempts: row.attempts + 1, unknownOutcomes: row.unknownOutcomes + (cutShort.has(row.id) ? 1 : 0) }));
  });
}

function addressOf(row: DueRow): string {
  return row.chatId ? `chat:${row.chatId}` : `${row.platform}:${row.account}`;
}

/** Fills in platform and account where the row has none yet; a person with no reachable account fails. */
async function addressRows(tx: Tx, rows: DueRow[], limits: ReadonlyMap<Platform, MessengerLimits>, now: Date): Promise<DueRow[]> {
  const configured = [...limits.keys()];
  const chatIds = [...new Set(rows.filter((row) => row.chatId && !row.platform).map((row) => row.chatId!))];
  const chats = new Map((await tx.groupChat.findMany({ where: { id: { in: chatIds } } })).map((chat) => [chat.id, chat.platform as Platform | null]));
  const chosen = await chooseAccounts(tx, [...new Set(rows.filter((row) => row.personId !== null && !row.platform).map((row) => row.personId!))], configured);
  const result: DueRow[] = [];
  const addressed: DueRow[] = [];
  for (const row of rows) {
    if (row.platform && configured.includes(row.platform)) {
      result.push(row);
      continue;
    }
    const address = row.chatId ? { platform: chats.get(row.chatId) ?? null, account: null } : row.personId !== null ? chosen.get(row.personId) : undefined;
    if (!address?.platform || !configured.includes(address.platform)) {
      const error = row.chatId ? `group chat ${row.chatId} is on no configured platform` : 'no account on a configured platform';
      await failLockedRow(tx, row.id, error);
      await reportFailure(tx, row, error, now);
      continue;
    }
    const withAddress = { ...row, platform: address.platform, account: address.account };
    addressed.push(withAddress);
    result.push(withAddress);
  }
  // One statement for the whole claim: an escalation storm brings hundreds of new rows at once.
  await setOutboxAddresses(tx, addressed);
  return result;
}

/** A text or markdown longer than its platform takes becomes several rows, each retried on its own. */
async function splitLongRows(tx: Tx, rows: DueRow[], limits: ReadonlyMap<Platform, MessengerLimits>): Promise<DueRow[]> {
  const result: DueRow[] = [];
  for (const row of rows) {
    const message = row.payload as OutgoingMessage;
    // A markdown title may travel inside the message (WeCom): its line, numbered, counts too.
    const room = limits.get(row.platform!)!.maxBytes - (message.kind === 'markdown' ? encoder.encode(`**${message.title}（续99）**\n`).length : 0);
    const parts = row.attempts === 0 && (message.kind === 'text' || message.kind === 'markdown') ? splitByBytes(message.text, room) : [];
    if (parts.length <= 1) {
      result.push(row);
      continue;
    }
    const payloads = parts.map((text, index): Extract<OutgoingMessage, { kind: 'text' | 'markdown' }> =>
      message.kind === 'markdown' ? { kind: 'markdown', title: index === 0 ? message.title : `${message.title}（续${index}）`, text } : { kind: 'text', text },
    );
    const ids = await splitLockedRow(
      tx,
      row,
      payloads.map((payload) => ({ kind: payload.kind, payload })),
    );
    result.push(...payloads.map((payload, index) => ({ ...row, id: ids[index]!, payload, dedupKey: null })));
  }
  return result;
}

/** Messages each account received (or is being sent) in the last minute and the last hour (prisma/outbox-store.ts countRecentSends). */
async function countRecent(tx: Tx, rows: DueRow[], now: Date): Promise<Map<string, { minute: number; hour: number }>> {
  const toAccounts = rows.filter((row) => !row.chatId);
  if (toAccounts.length === 0) return new Map();
  const counts = await countRecentSends(tx, {
    platforms: [...new Set(toAccounts.map((row) => row.platform!))],
    accounts: [...new Set(toAccounts.map((row) => row.account!))],
    now,
    minuteAgo: new Date(now.getTime() - MINUTE),
    hourAgo: new Date(now.getTime() - HOUR),
  });
  return new Map(counts.map((row) => [`${row.platform}:${row.account}`, { minute: row.minute, hour: row.hour }]));
}
