// A failure that repeats on every try is not transient (docs/architecture.md "One transaction per
// batch"): a handler that hits the same unique key each time, or an event whose transaction cannot
// commit, is set aside (failedAt) with its sender told once, and the other senders' messages are
// answered within seconds. The tries are counted on the Inbound row, so the count survives a
// restart (a new app on the same database). The poison events here are made by the database
// itself, so they do not depend on any handler's own bug.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.js';
import { INBOUND_TRIES } from '../../../bot/inbound/process-batch.js';
import { createLogger } from '../../../core/logger.js';
import { createHarness, type Harness } from '../../support/harness.js';
import { register } from '../../handlers/story-steps.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const APOLOGY = /处理这条消息时出错了/;
const HELP_FIRST_LINE = /，你可以使用这些命令：$/;
const registerText = (name: string) => `登记项目\n名称：${name}\n投资：3.5亿\n企业：${name}公司\n联系人：张三 13900001111\n包抓领导：县领导甲`;

/** Every outgoing message about 毒项目 inserts one key that is already taken: a unique violation on every try. */
async function poisonOutboxInserts(h: Harness, when: 'at once' | 'at commit'): Promise<void> {
  await h.prisma.$executeRawUnsafe(`CREATE TABLE poison_key (k text PRIMARY KEY)`);
  await h.prisma.$executeRawUnsafe(`INSERT INTO poison_key VALUES ('taken')`);
  await h.prisma.$executeRawUnsafe(`
    CREATE FUNCTION take_poison_key() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.payload::text LIKE '%毒项目%' THEN INSERT INTO poison_key VALUES ('taken'); END IF;
      RETURN NEW;
    END $$`);
  await h.prisma.$executeRawUnsafe(
    when === 'at once'
      ? `CREATE TRIGGER take_poison_key BEFORE INSERT ON "Outbox" FOR EACH ROW EXECUTE FUNCTION take_poison_key()`
      : // A deferred trigger fails the COMMIT itself: no savepoint can keep the batch's other events.
        `CREATE CONSTRAINT TRIGGER take_poison_key AFTER INSERT ON "Outbox" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION take_poison_key()`,
  );
}

async function receive(account: string, text: string): Promise<void> {
  const at = h.clock.now().toISOString();
  expect(await h.app.receive({ platform: 'local', type: 'text', account, text, dedupKey: randomUUID(), at })).toBe('accepted');
}

const firstLines = (account: string) => h.textsTo(account).map((text) => text.split('\n')[0]);

it('sets aside a handler that hits a unique key on every try and answers the window and the office at once', async () => {
  await poisonOutboxInserts(h, 'at once');
  await receive('invest', registerText('毒项目'));
  await receive('window', '帮助');
  await receive('office', '帮助');

  const started = performance.now();
  await h.app.processInbound();
  await h.app.deliver();
  expect(performance.now() - started).toBeLessThan(5_000);

  expect(firstLines('window')).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
  expect(firstLines('office')).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
  expect(h.textsTo('invest')).toEqual([expect.stringMatching(APOLOGY)]);
  expect(await h.prisma.project.count()).toBe(0);
  const poison = await h.prisma.inbound.findFirstOrThrow({ where: { senderKey: 'local:invest' } });
  expect(poison.failedAt).not.toBeNull();
  expect(poison.error).toMatch(/duplicate key|Unique constraint/i);

  // Set aside, not tried again: the sender is told once, and the sender's next message is answered.
  await receive('invest', '帮助');
  await h.app.processInbound();
  await h.app.deliver();
  expect(h.messenger.received.filter((item) => APOLOGY.test(item.text))).toHaveLength(1);
  expect(firstLines('invest')).toEqual([expect.stringMatching(APOLOGY), expect.stringMatching(HELP_FIRST_LINE)]);
  expect(await h.prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
});

it('answers the others when a deactivated person’s 绑定 meets their own account, and tells that person once', async () => {
  // Found by a probe: a roster reload deactivated 招商中心小钱, who then binds with a valid code; the
  // handler created a second person with the same account (a unique violation on every try). Whether
  // 绑定 fails or (once it reuses the account) succeeds, the sender hears once and nobody waits.
  const code = await register(h);
  await h.prisma.person.updateMany({ where: { name: '招商中心小钱' }, data: { active: false } });
  h.messenger.clear();
  await receive('invest', `绑定 ${code}`);
  await receive('window', '帮助');
  await receive('office', '帮助');

  await h.app.processInbound();
  await h.app.deliver();

  expect(firstLines('office')).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
  expect(
    h.messenger
      .to('window')
      .filter((item) => item.reply)
      .map((item) => item.text.split('\n')[0]),
  ).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
  expect(h.textsTo('invest')).toEqual([expect.stringMatching(/^绑定成功|处理这条消息时出错了/)]);
  expect(await h.prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
});

// PGlite only: on PostgreSQL, @prisma/adapter-pg 6.19 never releases the pool connection of a transaction whose
// COMMIT failed, so the test database could not be dropped afterwards.
it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  'counts the tries on the row across restarts when an event’s transaction can never commit, then sets it aside',
  async () => {
    await poisonOutboxInserts(h, 'at commit');
    await receive('invest', registerText('毒项目'));
    await receive('window', '帮助');
    await receive('office', '帮助');

    // Each pass is a fresh app on the same database, as after a restart: nothing is remembered in memory.
    let passes = 0;
    while ((await h.prisma.inbound.count({ where: { processedAt: null } })) > 0) {
      passes += 1;
      expect(passes, 'passes until every event is handled or set aside').toBeLessThanOrEqual(5);
      const app = createApp({ prisma: h.prisma, policy: h.policy, clock: h.clock, logger: createLogger('silent'), messengers: [h.messenger] });
      await app.processInbound();
      await app.deliver();
    }

    expect(firstLines('window')).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
    expect(firstLines('office')).toEqual([expect.stringMatching(HELP_FIRST_LINE)]);
    expect(h.textsTo('invest')).toEqual([expect.stringMatching(APOLOGY)]);
    const rows = await h.prisma.inbound.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.senderKey, row.failedAt !== null])).toEqual([
      ['local:invest', true],
      ['local:window', false],
      ['local:office', false],
    ]);
    expect(rows[0]!.tries).toBe(INBOUND_TRIES);
    expect(await h.prisma.project.count()).toBe(0);
  },
);
