// One statement at a time on a transaction's PostgreSQL connection (prisma/pg-adapter.ts): `pg` 8
// warns "client is already executing a query" when Prisma loads an include's relations at once
// inside a transaction, and `pg` 9 refuses it. A project is run up to its tasks on PostgreSQL (the
// handlers' transactions), then the real process starts on that database (start-up recomputes the
// open tasks' clocks in a transaction); neither may print the warning.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { defaultPolicy } from '../../domain/policy.js';
import { openDatabase } from '../../prisma/open-database.js';
import { startBotProcess } from '../bot/start-bot-process.js';
import { REGISTER } from '../handlers/story-steps.js';
import { FakeClock } from '../support/fake-clock.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { RecordingMessenger } from '../support/recording-messenger.js';
import { createTestDatabaseLocation } from '../support/test-database.js';

const PARALLEL_QUERY_WARNING = /already executing a query/;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a transaction on PostgreSQL', () => {
  it('never hands its connection a second query while one runs, in the handlers or at start-up', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.message);
    process.on('warning', onWarning);
    cleanups.push(async () => void process.off('warning', onWarning));
    const { location, remove } = await createTestDatabaseLocation();
    cleanups.push(remove);

    const database = await openDatabase(location);
    await importRoster(database.prisma, await readRosterFile(DEMO_ROSTER));
    const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
    const messenger = new RecordingMessenger('local');
    const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger: createLogger('silent'), messengers: [messenger] });
    const say = async (account: string, text: string): Promise<void> => {
      await app.receive({ platform: 'local', type: 'text', account, text, dedupKey: randomUUID(), at: clock.now().toISOString() });
      await app.processInbound();
      await app.deliver();
    };
    await say('window', REGISTER);
    const code = /绑定码：(\d{6})/.exec(messenger.to('window').at(-1)?.text ?? '')?.[1];
    await say('ent.zhang', `绑定 ${code}`);
    for (const text of ['受理 P1', '组建团队 P1', '方案 P1', '派单 P1 环评 施工许可']) await say('window', text);
    clock.advanceMinutes(10);
    await say('sthj.agent', '报到 T1');
    clock.advanceMinutes(60);
    await app.escalate();
    await say('sthj.agent', '办结 T1 已出具环评批复');
    await say('ent.zhang', '进度');
    expect(await database.prisma.task.count({ where: { state: 'posted' } })).toBeGreaterThan(0);
    await database.close();

    const bot = await startBotProcess({ DATABASE_URL: location });
    await bot.stop();
    expect(bot.stderr()).not.toMatch(PARALLEL_QUERY_WARNING);
    expect(warnings.filter((warning) => PARALLEL_QUERY_WARNING.test(warning))).toEqual([]);
  }, 120_000);
});
