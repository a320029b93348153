// A 台账 file that cannot be built is retried like every job (bot/jobs/run-due-jobs.ts), and after the last
// try its readers are told how to get the ledger instead of waiting for a file that never comes.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { queueRankingLedgerFile } from '../../use-cases/send-ranking-ledger-file.js';
import { createHarness, type Harness } from '../support/harness.js';
import { findPerson } from '../support/find-person.js';

vi.mock('../../use-cases/write-ledger-xlsx.js', () => ({
  writeLedgerXlsx: vi.fn(async () => {
    throw new Error('disk full');
  }),
}));

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-12-22T09:00:00+08:00' });
});
afterEach(async () => {
  await h.close();
});

it('retries a failed 台账 build and, after the last try, tells each reader to send 台账', { timeout: 120_000 }, async () => {
  const readers = await Promise.all(['leader.a', 'office'].map(async (account) => (await findPerson(h.prisma, account)).id));
  await h.prisma.$transaction((tx) => queueRankingLedgerFile(tx, { occurrenceKey: 'ranking:2026-12', personIds: readers, at: h.clock.now().toISOString() }));
  await h.app.runJobs();
  await h.app.deliver();
  expect(h.textsTo('office').some((text) => text.includes('台账'))).toBe(false);
  const failed = await h.prisma.job.findFirstOrThrow();
  expect(failed.lastError).toContain('disk full');
  expect(failed.doneAt).toBeNull();
  // The second try 30 s later, the third (the last) a minute after that.
  for (const minutes of [1, 2]) {
    h.clock.advanceMinutes(minutes);
    await h.app.runJobs();
  }
  await h.app.deliver();
  for (const account of ['leader.a', 'office']) expect(h.textsTo(account)).toContain('本月台账文件生成失败，请发送「台账」获取。');
  expect((await h.prisma.job.findFirstOrThrow()).doneAt).not.toBeNull();
  expect(await h.prisma.outboxFile.count()).toBe(0);
});
