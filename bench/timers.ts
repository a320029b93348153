// Timers: 10,000 task cards whose report-to-window timer runs out within the same minute, with
// the bot's loops running as in production (bot/app.ts): every card escalated once, how late the
// escalation cycle fired each (its notices queued) and how late they reached WeCom. A notice's
// dedup key names its calls (`escalation:call:7:1:<person>`, or `escalation:calls:7,9:1:<person>`
// for one listing several, use-cases/escalate-due-calls.ts): figures count a notice once per call it names.
import { defaultPolicy } from '../domain/policy.js';
import { log } from './end-to-end.js';
import { openInProcessBot } from './in-process-bot.js';
import { seedDueCards } from './seed-due-cards.js';

export const CARDS = 10_000;
const SPREAD_MS = 60_000;

export interface Spread {
  p50: number;
  p99: number;
  max: number;
}

export interface TimerFigures {
  cards: number;
  escalatedOnce: number;
  escalatedTwice: number;
  firing: Spread;
  delivery: Spread;
  /** Notices to agents and unit leaders (not the window) delivered, and delivered more than once. */
  delivered: number;
  notices: number;
  duplicates: number;
  /** The window's copies still queued at the end: one person told of every card, paced by WeCom's per-member allowance. */
  windowQueued: number;
  windowTotal: number;
}

export async function benchTimers(location: string): Promise<TimerFigures> {
  const policy = { ...defaultPolicy, officeHours: 'always' as const };
  const bot = await openInProcessBot(location, policy);
  const { prisma } = bot.database;
  try {
    bot.app.start();
    const dueFrom = new Date(Date.now() + 20_000);
    await seedDueCards(prisma, { count: CARDS, dueFrom, spreadMs: SPREAD_MS, ackTimeoutMinutes: policy.ackTimeoutMinutes });
    log(`timers: ${CARDS} cards seeded, due from ${Math.round((dueFrom.getTime() - Date.now()) / 1000)} s from now over ${SPREAD_MS / 1000} s`);
    const window = (await prisma.person.findMany({ where: { roles: { has: 'window' } } })).map((person) => person.id);
    const deadline = dueFrom.getTime() + SPREAD_MS + 60_000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`
        SELECT count(*) AS waiting FROM "Call" AS c JOIN "Task" AS t ON t."callId" = c.id
        WHERE t."itemCode" = 'bench' AND (c."escalationStep" = 0 OR c.id IN (
          SELECT n."callId" FROM "Outbox" AS o CROSS JOIN LATERAL unnest(string_to_array(split_part(o."dedupKey", ':', 3), ',')::int[]) AS n("callId")
          LEFT JOIN "Outbox" AS b ON b.id = o."bundledIntoId"
          WHERE o."dedupKey" LIKE 'escalation:%' AND split_part(o."dedupKey", ':', 4) = '1' AND o."personId" <> ALL(${window}) AND coalesce(b.status, o.status) <> 'sent'))`;
      if (row?.waiting === 0n || Date.now() > deadline) break;
    }
    await bot.app.stop();
    const escalations = await prisma.$queryRaw<{ once: bigint; twice: bigint }[]>`
      SELECT count(*) FILTER (WHERE n = 1) AS once, count(*) FILTER (WHERE n > 1) AS twice FROM (
        SELECT count(e.id) AS n FROM "Task" AS t LEFT JOIN "Event" AS e ON e."taskId" = t.id AND e.kind = 'task.escalated'
        WHERE t."itemCode" = 'bench' GROUP BY t.id) AS per_task`;
    const rows = await prisma.$queryRaw<{ id: bigint; bundle: bigint | null; due: Date; queued: Date; window: boolean; status: string }[]>`
      SELECT o.id, o."bundledIntoId" AS bundle, c."ackDueAt" AS due, o."createdAt" AS queued, o."personId" = ANY(${window}) AS window, coalesce(b.status, o.status) AS status
      FROM "Outbox" AS o CROSS JOIN LATERAL unnest(string_to_array(split_part(o."dedupKey", ':', 3), ',')::int[]) AS n("callId")
      JOIN "Call" AS c ON c.id = n."callId" JOIN "Task" AS t ON t."callId" = c.id
      LEFT JOIN "Outbox" AS b ON b.id = o."bundledIntoId"
      WHERE o."dedupKey" LIKE 'escalation:%' AND split_part(o."dedupKey", ':', 4) = '1' AND t."itemCode" = 'bench'`;
    const arrived = new Map<bigint, number[]>();
    for (const receipt of bot.fake.receipts)
      if (receipt.outboxId !== null) arrived.set(receipt.outboxId, [...(arrived.get(receipt.outboxId) ?? []), receipt.at]);
    const people = rows.filter((row) => !row.window);
    const delivery: number[] = [];
    for (const row of people) {
      const at = arrived.get(row.bundle ?? row.id);
      if (at) delivery.push(at[0]! - row.due.getTime());
    }
    return {
      cards: CARDS,
      escalatedOnce: Number(escalations[0]!.once),
      escalatedTwice: Number(escalations[0]!.twice),
      // A card's notices are queued in the transaction that fires it: their creation is the firing.
      firing: spread(rows.map((row) => row.queued.getTime() - row.due.getTime())),
      delivery: spread(delivery),
      delivered: delivery.length,
      notices: people.length,
      duplicates: [...arrived.values()].filter((times) => times.length > 1).length,
      windowQueued: rows.filter((row) => row.window && row.status !== 'sent').length,
      windowTotal: rows.filter((row) => row.window).length,
    };
  } finally {
    await bot.close();
  }
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}
