// Two app instances on one database for command races (docs/architecture.md "Handlers lock what they
// change"). On PostgreSQL (scripts/with-postgres.sh sets TEST_DATABASE_URL) each has its own pool and
// takes one event per transaction, so the two commands of a racing pair, sent back to back by two
// people, are claimed by the two instances and run at the same moment; PGlite has one connection,
// which the two share, so there the races only show that nothing doubles up or gets lost.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { defaultPolicy, type Policy } from '../../domain/policy.js';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import { FakeClock } from './fake-clock.js';
import { DEMO_ROSTER } from './harness.js';
import { RecordingMessenger, type Received } from './recording-messenger.js';
import { createTestDatabaseLocation, openTestDatabaseWithRoster } from './test-database.js';

export interface RaceCluster {
  prisma: Database['prisma'];
  /** Each instance's own client (one shared PGlite without TEST_DATABASE_URL), for racing a cron pass. */
  instancePrismas: Database['prisma'][];
  clock: FakeClock;
  /** Records a text from `account` on instance 0 or 1, as its transport would. */
  send(instance: 0 | 1, account: string, text: string): Promise<void>;
  /** Records a file (a ledger to import) from `account` on instance 0 or 1. */
  sendFile(instance: 0 | 1, account: string, name: string, bytes: Buffer): Promise<void>;
  /** Both instances process everything waiting, at once, then deliver; returns what was delivered. */
  runBoth(): Promise<Received[]>;
  /** Processes and delivers on instance 0 alone: the set-up before a race. */
  runOne(): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startRaceCluster(policy: Policy = defaultPolicy): Promise<RaceCluster> {
  const databases: Database[] = [];
  let remove = async (): Promise<void> => {};
  if (process.env.TEST_DATABASE_URL) {
    const made = await createTestDatabaseLocation();
    remove = made.remove;
    databases.push(await openDatabase(made.location), await openDatabase(made.location));
    await importRoster(databases[0]!.prisma, await readRosterFile(DEMO_ROSTER));
  } else {
    const only = await openTestDatabaseWithRoster();
    databases.push(only, only);
  }
  const { prisma } = databases[0]!;
  // 2026-11-23 is a Monday; 10:00 in Asia/Shanghai is office time.
  const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
  const logger = createLogger('silent');
  const instances = databases.map((database) => {
    const messenger = new RecordingMessenger('local');
    const app: App = createApp({ prisma: database.prisma, policy, clock, logger, messengers: [messenger], inboundBatch: 1 });
    return { app, messenger };
  });
  const delivered = async (): Promise<Received[]> => {
    await Promise.all(instances.map(({ app }) => app.deliver()));
    const received = instances.flatMap(({ messenger }) => messenger.received.splice(0));
    return received;
  };
  return {
    prisma,
    instancePrismas: databases.map((database) => database.prisma),
    clock,
    async send(instance, account, text) {
      expect(
        await instances[instance]!.app.receive({ platform: 'local', type: 'text', account, text, dedupKey: randomUUID(), at: clock.now().toISOString() }),
      ).toBe('accepted');
    },
    async sendFile(instance, account, name, bytes) {
      const content = bytes.toString('base64');
      const at = clock.now().toISOString();
      expect(
        await instances[instance]!.app.receive({ platform: 'local', type: 'file', account, name, size: bytes.length, content, dedupKey: randomUUID(), at }),
      ).toBe('accepted');
    },
    async runBoth() {
      await Promise.all(instances.map(({ app }) => app.processInbound()));
      expect(await prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
      expect(await prisma.inbound.count({ where: { failedAt: { not: null } } })).toBe(0);
      return delivered();
    },
    async runOne() {
      await instances[0]!.app.processInbound();
      return delivered();
    },
    async close() {
      for (const database of new Set(databases)) await database.close();
      await remove();
    },
  };
}

/** The replies each account received, by account. */
export function repliesByAccount(received: Received[]): Map<string, string[]> {
  const replies = new Map<string, string[]>();
  for (const item of received.filter((entry) => entry.reply)) replies.set(item.recipient, [...(replies.get(item.recipient) ?? []), item.text]);
  return replies;
}
