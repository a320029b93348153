// Two sender loops (two server instances) over one outbox: every row is delivered exactly once.
// Run against PostgreSQL by `npm run test:pg`, where the two loops' claims really overlap.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { createLogger } from '../../../bot/logger.js';
import type { Delivery, Messenger } from '../../../bot/outbox/messenger.js';
import { sendPending } from '../../../bot/outbox/send-pending.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it('delivers each of 300 rows once when two senders run at the same time', async () => {
  const now = new Date('2026-11-24T02:00:00Z');
  const people = Array.from({ length: 15 }, (_, index) => `agent${index}`);
  await db.prisma.outbox.createMany({
    data: Array.from({ length: 300 }, (_, index) => ({
      recipient: people[index % people.length]!,
      kind: 'markdown',
      payload: { kind: 'markdown', text: `通知 ${index}` },
      nextAttemptAt: now,
    })),
  });
  const delivered: bigint[] = [];
  const messenger = (name: string): Messenger => ({
    platform: 'local',
    async deliver(delivery: Delivery) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      delivered.push(delivery.outboxId);
      return { ok: true, platformMsgId: name };
    },
  });
  const loop = async (name: string) => {
    const instance = messenger(name);
    // Plenty of room per person: this test is about claims, not pacing.
    while ((await sendPending(db.prisma, instance, { now, logger: createLogger('silent'), batch: 20, perMinute: 1000 })) > 0);
  };
  await Promise.all([loop('a'), loop('b')]);

  expect(delivered).toHaveLength(300);
  expect(new Set(delivered).size).toBe(300);
  expect(await db.prisma.outbox.count({ where: { status: 'sent' } })).toBe(300);
  const bySender = await db.prisma.outbox.groupBy({ by: ['platformMsgId'], _count: { _all: true } });
  // Both instances took part: the claims really overlapped.
  expect(bySender.map((group) => group.platformMsgId).sort()).toEqual(['a', 'b']);
});
