// The senders of a batch of events (bot/app.ts), found by the accounts they wrote from in one
// query, and where each person last wrote from kept for bot/outbox/choose-account.ts: it picks the
// account with the latest lastSeenAt, so the time is written only when it would change that choice
// (another of the person's accounts was seen as late or later, or this one never) or is older than
// LAST_SEEN_SLACK_MS — not on every message (docs/architecture.md "One transaction per batch").
// Both queries are plain SQL: they run on every batch, where a Prisma model query's compiler costs
// more than the query (docs/architecture.md "Record once").
import { Prisma } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import type { Role } from '../../domain/roles.js';
import type { Sender } from '../../handlers/context.js';
import type { IncomingEvent } from '../../core/messages.js';

/** How far behind the truth an account's lastSeenAt may be when no other account overtook it. */
export const LAST_SEEN_SLACK_MS = 10 * 60 * 1000;

/** Inbound.senderKey: whose events are processed in order. */
export const senderKey = (from: { platform: string; account: string }): string => `${from.platform}:${from.account}`;

interface Row {
  platform: string;
  account: string;
  lastSeenAt: Date | null;
  otherSeenAt: Date | null;
  id: number;
  name: string;
  unitId: number | null;
  roles: string[];
  active: boolean;
}

/** Each event's sender by senderKey; absent when the account is unknown or its person left the roster. */
export async function findSenders(tx: Tx, events: readonly IncomingEvent[], now: Date): Promise<Map<string, Sender>> {
  const senders = new Map<string, Sender>();
  if (events.length === 0) return senders;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT a.platform, a.account, a."lastSeenAt", p.id, p.name, p."unitId", p.roles, p.active,
      (SELECT max(other."lastSeenAt") FROM "Account" AS other WHERE other."personId" = a."personId" AND other.platform <> a.platform) AS "otherSeenAt"
    FROM "Account" AS a JOIN "Person" AS p ON p.id = a."personId"
    WHERE (a.platform, a.account) IN (${Prisma.join(events.map((event) => Prisma.sql`(${event.platform}, ${event.account})`))})`;
  const stale: Prisma.Sql[] = [];
  for (const row of rows) {
    if (!row.active) continue;
    senders.set(senderKey(row), { id: row.id, name: row.name, unitId: row.unitId, roles: row.roles as Role[] });
    const seen = row.lastSeenAt?.getTime();
    if (seen === undefined || (row.otherSeenAt && row.otherSeenAt.getTime() >= seen) || now.getTime() - seen > LAST_SEEN_SLACK_MS)
      stale.push(Prisma.sql`(${row.platform}, ${row.account})`);
  }
  if (stale.length > 0) await tx.$executeRaw`UPDATE "Account" SET "lastSeenAt" = ${now} WHERE (platform, account) IN (${Prisma.join(stale)})`;
  return senders;
}
