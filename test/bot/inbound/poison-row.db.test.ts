// A stored Inbound row whose event no longer parses (a bug, or a row from an older version) must
// not block anyone: it is set aside (failedAt) once, never retried, and the messages after it —
// from other senders and from its own sender — are answered. An event the schema refuses at the
// door (an `at` no ISO 8601 parser reads back) is never stored at all.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const HELP_FIRST_LINE = /，你可以使用这些命令：$/;

it('sets a stored event that fails the schema aside once and answers the valid messages after it', async () => {
  const at = h.clock.now().toISOString();
  // A year no ISO 8601 date-time allows, from window: stored by something that skipped validation.
  const badAt = await h.prisma.inbound.create({
    data: {
      platform: 'local',
      dedupKey: 'poison-at',
      senderKey: 'local:window',
      event: { platform: 'local', type: 'text', account: 'window', text: '帮助', dedupKey: 'poison-at', at: '+033658-09-27T01:46:39.000Z' },
    },
  });
  // No account at all.
  const noAccount = await h.prisma.inbound.create({
    data: {
      platform: 'local',
      dedupKey: 'poison-account',
      senderKey: 'local:',
      event: { platform: 'local', type: 'text', text: '帮助', dedupKey: 'poison-account', at },
    },
  });
  expect(await h.app.receive({ platform: 'local', type: 'text', account: 'office', text: '帮助', dedupKey: randomUUID(), at })).toBe('accepted');
  // The poison row's own sender writes again: an earlier unprocessed row must not hold this one back.
  expect(await h.app.receive({ platform: 'local', type: 'text', account: 'window', text: '帮助', dedupKey: randomUUID(), at })).toBe('accepted');

  await expect(h.app.processInbound()).resolves.toBe(4);
  await h.app.deliver();

  expect(h.messenger.to('office').map((item) => item.text.split('\n')[0])).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
  expect(h.messenger.to('window').map((item) => item.text.split('\n')[0])).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
  // Nobody is sent an apology for a row that could not even say who sent it.
  expect(h.messenger.received.filter((item) => /出错/.test(item.text))).toEqual([]);

  const setAside = await h.prisma.inbound.findMany({ where: { failedAt: { not: null } }, orderBy: { id: 'asc' } });
  expect(setAside.map((row) => row.id)).toEqual([badAt.id, noAccount.id]);
  for (const row of setAside) {
    expect(row.processedAt).not.toBeNull();
    expect(row.error).toBe('does not parse');
  }
  const failedAt = setAside.map((row) => row.failedAt!.getTime());

  // A second pass finds nothing: the set-aside rows are not tried again.
  h.clock.advanceMinutes(5);
  await expect(h.app.processInbound()).resolves.toBe(0);
  await expect(h.app.deliver()).resolves.toBe(0);
  const again = await h.prisma.inbound.findMany({ where: { failedAt: { not: null } }, orderBy: { id: 'asc' } });
  expect(again.map((row) => row.failedAt!.getTime())).toEqual(failedAt);
  expect(await h.prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
});

it('refuses at receive an event whose time is beyond what ISO 8601 writes, storing nothing', async () => {
  const at = new Date(999999999999 * 1000).toISOString();
  expect(at).toBe('+033658-09-27T01:46:39.000Z');
  const before = await h.prisma.inbound.count();
  await expect(h.app.receive({ platform: 'local', type: 'text', account: 'office', text: '帮助', dedupKey: randomUUID(), at })).resolves.toBe('invalid');
  expect(await h.prisma.inbound.count()).toBe(before);
  await expect(h.app.processInbound()).resolves.toBe(0);
  await h.app.deliver();
  expect(h.messenger.received).toEqual([]);
});
