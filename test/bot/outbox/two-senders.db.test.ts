// Two sender loops (two server instances) over one outbox: every row is delivered exactly once.
// Run against PostgreSQL by `npm run test:pg`, where the two loops' claims really overlap.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { createPeople } from '../../support/create-people.js';
import { openTestDatabase } from '../../support/test-database.js';
import { createLogger } from '../../../core/logger.js';
import { sendPending } from '../../../bot/outbox/send-pending.js';
import type { Delivery, Messenger } from '../../../bot/transport/messenger.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it('delivers each of 300 rows once when two senders run at the same time', async () => {
  const now = new Date('2026-11-24T02:00:00Z');
  const accounts = Array.from({ length: 15 }, (_, index) => `agent${index}`);
  const ids = await createPeople(
    db.prisma,
    accounts.map((account) => ({ account, name: account, roles: ['agent'] })),
  );
  // Addressed to persons: each sender also chooses the account of the rows it claims.
  await db.prisma.outbox.createMany({
    data: Array.from({ length: 300 }, (_, index) => ({
      personId: ids.get(accounts[index % accounts.length]!)!,
      kind: 'markdown',
      payload: { kind: 'markdown', title: '通知', text: `通知 ${index}` },
      nextAttemptAt: now,
    })),
  });
  const delivered: { outboxId: bigint; account: string }[] = [];
  const messenger = (name: string): Messenger => ({
    platform: 'local',
    // Plenty of room per person: this test is about claims, not pacing.
    limits: { maxBytes: 4096, perMinute: 1000, perHour: 100_000, groupChats: false },
    dropsDuplicates: () => false,
    async deliver(delivery: Delivery) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      delivered.push({ outboxId: delivery.outboxId, account: 'account' in delivery.to ? delivery.to.account : '' });
      return { ok: true, platformMsgId: name };
    },
  });
  const loop = async (name: string) => {
    const instance = new Map([['local' as const, messenger(name)]]);
    while ((await sendPending(db.prisma, instance, { now, logger: createLogger('silent') })) > 0);
  };
  await Promise.all([loop('a'), loop('b')]);

  expect(delivered).toHaveLength(300);
  expect(new Set(delivered.map((item) => item.outboxId)).size).toBe(300);
  // Each person got their own 20, on their own account.
  const perAccount = new Map<string, number>();
  for (const item of delivered) perAccount.set(item.account, (perAccount.get(item.account) ?? 0) + 1);
  expect([...perAccount.keys()].sort()).toEqual([...accounts].sort());
  expect([...perAccount.values()].every((count) => count === 20)).toBe(true);
  expect(await db.prisma.outbox.count({ where: { status: 'sent' } })).toBe(300);
  const bySender = await db.prisma.outbox.groupBy({ by: ['platformMsgId'], _count: { _all: true } });
  // Both instances took part: the claims really overlapped.
  expect(bySender.map((group) => group.platformMsgId).sort()).toEqual(['a', 'b']);
});
