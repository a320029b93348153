// Inbound and Outbox rows past retention are deleted; recent, pending and unprocessed rows stay,
// "once" notices keep their dedup key, deliveries to an enterprise contact stay for the archive,
// and a callback replayed within the window is still a duplicate that runs nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ policy: { retentionDays: { inbound: 7, outbox: 30 } } });
});
afterEach(async () => {
  await h.close();
});

const daysAgo = (days: number) => new Date(h.clock.now().getTime() - days * 86_400_000);
const event = (dedupKey: string, text: string) => ({
  platform: 'local' as const,
  type: 'text' as const,
  account: 'window',
  text,
  dedupKey,
  at: h.clock.now().toISOString(),
});

describe('pruning Inbound and Outbox', () => {
  it('deletes finished rows past retention and keeps recent, pending and unprocessed ones', async () => {
    const admin = await h.prisma.person.findFirstOrThrow({ where: { roles: { has: 'admin' } } });
    expect(await h.app.receive(event('old-command', '帮助'))).toBe('accepted');
    await h.app.processInbound();
    await h.app.deliver();
    await h.prisma.inbound.updateMany({ data: { receivedAt: daysAgo(8), processedAt: daysAgo(8) } });
    await h.prisma.outbox.updateMany({ data: { createdAt: daysAgo(31) } });
    const oldOutbox = (await h.prisma.outbox.findMany({ select: { id: true } })).map((row) => row.id);
    expect(oldOutbox).toHaveLength(1);
    // What went to an enterprise contact stays: the archive shows it as delivered (一事一档).
    const contact = await h.prisma.person.create({ data: { name: '张三', roles: ['enterprise'] } });
    const keptOld = await Promise.all([
      h.prisma.outbox.create({
        data: { personId: contact.id, kind: 'text', payload: { kind: 'text', text: '【一次性告知】' }, status: 'sent', createdAt: daysAgo(31) },
      }),
      h.prisma.outbox.create({ data: { personId: admin.id, kind: 'text', payload: { kind: 'text', text: '待发' }, createdAt: daysAgo(31) } }),
      h.prisma.outbox.create({
        data: {
          personId: admin.id,
          kind: 'text',
          payload: { kind: 'text', text: '日历' },
          status: 'sent',
          dedupKey: 'calendar-gap:2027:1',
          createdAt: daysAgo(31),
        },
      }),
      h.prisma.outbox.create({ data: { personId: admin.id, kind: 'text', payload: { kind: 'text', text: '已发' }, status: 'sent', createdAt: daysAgo(29) } }),
    ]);
    await h.say('window', '帮助');
    // Received long ago and not processed yet (the server was down): kept, whatever its age.
    await h.prisma.inbound.create({
      data: { platform: 'local', dedupKey: 'waiting', senderKey: 'local:window', event: event('waiting', '帮助'), receivedAt: daysAgo(8) },
    });

    const [first, second] = await Promise.all([h.app.prune(), h.app.prune()]);
    expect(first! + second!).toBe(2);
    expect(await h.prisma.outbox.count({ where: { id: { in: oldOutbox } } })).toBe(0);
    expect((await h.prisma.outbox.findMany({ where: { id: { in: keptOld.map((row) => row.id) } } })).map((row) => row.status).sort()).toEqual([
      'pending',
      'sent',
      'sent',
      'sent',
    ]);
    const inbound = await h.prisma.inbound.findMany({ orderBy: { id: 'asc' } });
    expect(inbound.map((row) => [row.dedupKey, row.processedAt === null])).toEqual([
      [expect.any(String), false],
      ['waiting', true],
    ]);
    expect(await h.app.prune()).toBe(0);
  });

  it('keeps a callback within the window a duplicate: a replay runs nothing', async () => {
    await h.app.receive(event('replayed', '帮助'));
    await h.app.processInbound();
    await h.app.deliver();
    await h.prisma.inbound.updateMany({ data: { processedAt: daysAgo(6) } });
    await h.app.prune();
    const delivered = h.messenger.received.length;
    expect(await h.app.receive(event('replayed', '帮助'))).toBe('duplicate');
    await h.app.processInbound();
    await h.app.deliver();
    expect(h.messenger.received.length).toBe(delivered);
  });
});
