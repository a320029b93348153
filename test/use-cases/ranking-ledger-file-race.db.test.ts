// Two instances run their jobs at the same moment: the 22nd's 台账 is built and stored once, and each reader's
// file is queued once (use-cases/send-ranking-ledger-file.ts, claimed by bot/jobs/run-due-jobs.ts with SKIP
// LOCKED). On PostgreSQL (npm run test:pg) the two use separate pools and truly overlap.
import { expect, it } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { runDueJobs } from '../../bot/jobs/run-due-jobs.js';
import { createLogger } from '../../core/logger.js';
import { defaultPolicy } from '../../domain/policy.js';
import { openDatabase } from '../../prisma/open-database.js';
import { queueRankingLedgerFile } from '../../use-cases/send-ranking-ledger-file.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { findPerson } from '../support/find-person.js';
import { createTestDatabaseLocation } from '../support/test-database.js';

it('builds and queues the ranking 台账 once when two instances run their jobs at once', { timeout: 180_000 }, async () => {
  const { location, remove } = await createTestDatabaseLocation();
  const first = await openDatabase(location);
  const second = first.kind === 'postgres' ? await openDatabase(location) : first;
  try {
    await importRoster(first.prisma, await readRosterFile(DEMO_ROSTER));
    const readers = await Promise.all(['leader.a', 'office', 'window'].map(async (account) => (await findPerson(first.prisma, account)).id));
    const now = new Date('2026-12-22T01:00:00Z');
    await first.prisma.$transaction((tx) => queueRankingLedgerFile(tx, { occurrenceKey: 'ranking:2026-12', personIds: readers, at: now.toISOString() }));
    const logger = createLogger('silent');
    const ran = await Promise.all(
      [first, second].map((database) => runDueJobs(database.prisma, {}, { now: new Date('2026-12-22T01:00:01Z'), logger, policy: defaultPolicy })),
    );
    expect(ran[0]! + ran[1]!).toBe(1);
    const files = await first.prisma.outboxFile.findMany({ select: { id: true } });
    expect(files).toHaveLength(1);
    const rows = await first.prisma.outbox.findMany({ where: { kind: 'file' }, select: { personId: true, payload: true } });
    expect(rows.map((row) => row.personId).sort()).toEqual([...readers].sort());
    for (const row of rows) expect((row.payload as { fileId: string }).fileId).toBe(String(files[0]!.id));
    expect(await first.prisma.job.count({ where: { doneAt: null } })).toBe(0);
  } finally {
    if (second !== first) await second.close();
    await first.close();
    await remove();
  }
});
