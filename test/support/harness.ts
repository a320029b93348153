// The whole bot on a test database with a movable clock and a recording messenger. `say` and
// `click` go through app.receive exactly as a transport would, then process and deliver.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createApp, type App, type AppDeps } from '../../bot/app.js';
import { createMetrics, type Metrics } from '../../bot/metrics/create-metrics.js';
import type { Platform } from '../../core/messages.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import type { JobRunners } from '../../bot/jobs/job-runners.js';
import { resolvePolicy, type Policy } from '../../domain/policy.js';
import type { PresetName } from '../../domain/policy-presets.js';
import type { Database } from '../../prisma/open-database.js';
import { FakeClock } from './fake-clock.js';
import { RecordingMessenger, type Received } from './recording-messenger.js';
import { openTestDatabase, openTestDatabaseWithRoster } from './test-database.js';

export const DEMO_ROSTER = fileURLToPath(new URL('../../bot/roster/demo-roster.csv', import.meta.url));

export interface Harness {
  database: Database;
  prisma: Database['prisma'];
  app: App;
  clock: FakeClock;
  messenger: RecordingMessenger;
  policy: Policy;
  /** Set with the `metrics` option. */
  metrics: Metrics | undefined;
  /**
   * Sends a text from `account`; returns what everyone received because of it: the notices in the
   * order they were delivered, then the reply to the sender (delivered first, listed last to read well).
   */
  say(account: string, text: string): Promise<Received[]>;
  /** Clicks a task-card button from `account` (`input`: what was typed into it); returns what everyone received. */
  /** A click on the card of task `T<n>` (an old card's key, `task:n`) or on the card with key `card` (e.g. `call:2`). */
  click(account: string, card: number | string, buttonId: 'take' | 'finish' | 'return', input?: string): Promise<Received[]>;
  /** Sends a file from `account` (a ledger to import), as a platform's file message would; returns what everyone received. */
  sendFile(account: string, name: string, bytes: Buffer): Promise<Received[]>;
  /** Texts delivered to one account so far. */
  textsTo(account: string): string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  policy?: object;
  /** A jurisdiction profile under `policy` (POLICY_PRESET). */
  preset?: PresetName;
  now?: string;
  jobs?: JobRunners;
  /** The platform people write from and are reached on (default: the local chat). */
  platform?: Platform;
  /** A roster file other than the demo roster. */
  roster?: string;
  /** A messenger of the test's own (e.g. one that fails for some accounts). */
  messenger?: RecordingMessenger;
  /** Counts for `/metrics` (h.metrics). */
  metrics?: boolean;
  /** The 看板's address and login platforms, for `看板` (bot/app.ts AppDeps.kanban). */
  kanban?: AppDeps['kanban'];
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const resolved = resolvePolicy(options.policy, options.preset);
  if (!resolved.ok) throw new Error(`bad test policy: ${resolved.problems.join('; ')}`);
  // The demo roster is already in the database openTestDatabaseWithRoster copies; another is imported.
  const roster = options.roster ?? DEMO_ROSTER;
  const database = roster === DEMO_ROSTER ? await openTestDatabaseWithRoster() : await openTestDatabase();
  const { prisma } = database;
  if (roster !== DEMO_ROSTER) await importRoster(prisma, await readRosterFile(roster));
  // 2026-11-23 is a Monday; 10:00 in Asia/Shanghai is office time.
  const clock = new FakeClock(new Date(options.now ?? '2026-11-23T10:00:00+08:00'));
  const platform = options.platform ?? 'local';
  const messenger = options.messenger ?? new RecordingMessenger(platform);
  const metrics = options.metrics ? createMetrics(prisma, clock) : undefined;
  const app = createApp({
    prisma,
    policy: resolved.policy,
    policySources: resolved.sources,
    clock,
    logger: createLogger('silent'),
    messengers: [messenger],
    jobs: options.jobs,
    metrics,
    kanban: options.kanban,
  });

  async function run(event: Parameters<App['receive']>[0]): Promise<Received[]> {
    const before = messenger.received.length;
    await app.receive(event);
    await app.processInbound();
    await app.runJobs();
    await app.deliver();
    const received = messenger.received.slice(before);
    return [...received.filter((item) => !item.reply), ...received.filter((item) => item.reply)];
  }
  const at = (): string => clock.now().toISOString();

  return {
    database,
    prisma,
    app,
    clock,
    messenger,
    policy: resolved.policy,
    metrics,
    say: (account, text) => run({ platform, type: 'text', account, text, dedupKey: randomUUID(), at: at() }),
    click: (account, card, buttonId, input) =>
      run({
        platform,
        type: 'card_action',
        account,
        cardKey: typeof card === 'number' ? `task:${card}` : card,
        buttonId,
        ...(input !== undefined && { input }),
        dedupKey: randomUUID(),
        at: at(),
      }),
    sendFile: (account, name, bytes) =>
      run({ platform, type: 'file', account, name, size: bytes.length, content: bytes.toString('base64'), dedupKey: randomUUID(), at: at() }),
    textsTo: (account) => messenger.to(account).map((item) => item.text),
    close: () => database.close(),
  };
}
