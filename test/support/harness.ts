// The whole bot on a test database with a movable clock and a recording messenger. `say` and
// `click` go through app.receive exactly as a transport would, then process and deliver.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../../bot/app.js';
import type { CardAction } from '../../bot/incoming-event.js';
import { createLogger } from '../../bot/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import type { DirectorySource } from '../../bot/sync-directory-now.js';
import { resolvePolicy, type Policy } from '../../domain/policy.js';
import type { Database } from '../../prisma/open-database.js';
import { FakeClock } from './fake-clock.js';
import { RecordingMessenger, type Received } from './recording-messenger.js';
import { openTestDatabase } from './test-database.js';

export const DEMO_ROSTER = fileURLToPath(new URL('../../bot/roster/demo-roster.csv', import.meta.url));

export interface Harness {
  database: Database;
  prisma: Database['prisma'];
  app: App;
  clock: FakeClock;
  messenger: RecordingMessenger;
  policy: Policy;
  /** Sends a text as `userid`; returns what everyone received because of it. */
  say(userid: string, text: string): Promise<Received[]>;
  /** Clicks a task-card button as `userid`; returns what everyone received because of it. */
  click(userid: string, taskId: number, action: CardAction): Promise<Received[]>;
  /** Texts delivered to one person so far. */
  textsTo(userid: string): string[];
  close(): Promise<void>;
}

export async function createHarness(options: { policy?: object; now?: string; directory?: DirectorySource } = {}): Promise<Harness> {
  const resolved = resolvePolicy(options.policy);
  if (!resolved.ok) throw new Error(`bad test policy: ${resolved.problems.join('; ')}`);
  const database = await openTestDatabase();
  const { prisma } = database;
  await importRoster(prisma, await readRosterFile(DEMO_ROSTER));
  // 2026-11-23 is a Monday; 10:00 in Asia/Shanghai is office time.
  const clock = new FakeClock(new Date(options.now ?? '2026-11-23T10:00:00+08:00'));
  const messenger = new RecordingMessenger();
  const app = createApp({ prisma, policy: resolved.policy, clock, logger: createLogger('silent'), messenger, directory: options.directory });

  async function run(event: Parameters<App['receive']>[0]): Promise<Received[]> {
    const before = messenger.received.length;
    await app.receive(event);
    await app.processInbound();
    await app.deliver();
    return messenger.received.slice(before);
  }
  const at = (): string => clock.now().toISOString();

  return {
    database,
    prisma,
    app,
    clock,
    messenger,
    policy: resolved.policy,
    say: (userid, text) => run({ platform: 'local', type: 'text', sender: userid, text, dedupKey: randomUUID(), at: at() }),
    click: (userid, taskId, action) => run({ platform: 'local', type: 'card_action', sender: userid, taskId, action, dedupKey: randomUUID(), at: at() }),
    textsTo: (userid) => messenger.to(userid).map((item) => item.text),
    close: () => database.close(),
  };
}
