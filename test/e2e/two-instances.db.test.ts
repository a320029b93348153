// Two (or three) app instances on one
// database. On PostgreSQL (scripts/with-postgres.sh sets TEST_DATABASE_URL) each instance has its
// own connection pool, so the races below truly overlap and the project row locks, the per-sender
// order of Inbound rows and the transaction retries are what keep the outcome right. PGlite has one
// connection: there the two apps share it, and the tests only show that two instances' passes do
// not double up or lose anything.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { loadRosterAtStart } from '../../bot/roster/load-roster-at-start.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { approvalCatalogue } from '../../domain/catalogue/approval-catalogue.js';
import { defaultPolicy } from '../../domain/policy.js';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import { FakeClock } from '../support/fake-clock.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { RecordingMessenger, type Received } from '../support/recording-messenger.js';
import { createTestDatabaseLocation, openTestDatabase } from '../support/test-database.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const logger = createLogger('silent');
/** The four coordinator accounts of the demo roster (admin, window, 重点项目办, 招商服务中心). */
const COORDINATORS = ['window', 'office', 'invest', 'admin'];

interface Instance {
  app: App;
  messenger: RecordingMessenger;
}

interface Cluster {
  database: Database;
  instances: Instance[];
  clock: FakeClock;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

/** Two instances with the demo roster: two connections to one PostgreSQL database, or one PGlite shared. */
async function startTwoInstances(): Promise<Cluster> {
  const databases: Database[] = [];
  let remove = async (): Promise<void> => {};
  if (onPostgres) {
    const made = await createTestDatabaseLocation();
    remove = made.remove;
    databases.push(await openDatabase(made.location), await openDatabase(made.location));
  } else {
    const only = await openTestDatabase();
    databases.push(only, only);
  }
  await importRoster(databases[0]!.prisma, await readRosterFile(DEMO_ROSTER));
  // 2026-11-23 is a Monday; 10:00 in Asia/Shanghai is office time.
  const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
  const instances = databases.map((database) => {
    const messenger = new RecordingMessenger('local');
    return { messenger, app: createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger, messengers: [messenger] }) };
  });
  const cluster: Cluster = {
    database: databases[0]!,
    instances,
    clock,
    async close() {
      for (const database of new Set(databases)) await database.close();
      await remove();
    },
  };
  cleanups.push(() => cluster.close());
  return cluster;
}

function receive(instance: Instance, clock: FakeClock, account: string, text: string): Promise<string> {
  return instance.app.receive({ platform: 'local', type: 'text', account, text, dedupKey: randomUUID(), at: clock.now().toISOString() });
}

/** Every instance processes what is waiting, all at once; then every instance delivers. Returns how many events each processed. */
async function processEverywhere(cluster: Cluster): Promise<number[]> {
  const processed = await Promise.all(cluster.instances.map((instance) => instance.app.processInbound()));
  await Promise.all(cluster.instances.map((instance) => instance.app.deliver()));
  return processed;
}

const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);

/** Sent on the first instance and processed there alone: the set-up before a race. */
async function say(cluster: Cluster, account: string, text: string): Promise<Received[]> {
  const first = cluster.instances[0]!;
  const before = first.messenger.received.length;
  expect(await receive(first, cluster.clock, account, text)).toBe('accepted');
  await first.app.processInbound();
  await first.app.deliver();
  return first.messenger.received.slice(before);
}

/** Registers a project through the chat as the window; returns its id. */
async function register(cluster: Cluster, name: string): Promise<number> {
  const received = await say(cluster, 'window', `登记项目\n名称：${name}\n投资：3.5亿\n企业：${name}公司\n联系人：张三 13900001111\n包抓领导：县领导甲`);
  const reply = received.find((item) => item.reply)?.text ?? '';
  const id = /P(\d+)/.exec(reply)?.[1];
  expect(id, reply).toBeDefined();
  return Number(id);
}

const allReceived = (cluster: Cluster): Received[] => cluster.instances.flatMap((instance) => instance.messenger.received);
const APOLOGY = /处理这条消息时出错了/;

async function expectEverythingProcessed(cluster: Cluster): Promise<void> {
  const { prisma } = cluster.database;
  expect(await prisma.inbound.count({ where: { processedAt: null } })).toBe(0);
  expect(await prisma.inbound.findMany({ where: { failedAt: { not: null } }, select: { id: true, error: true } })).toEqual([]);
  expect(allReceived(cluster).filter((item) => APOLOGY.test(item.text))).toEqual([]);
}

describe('two instances on one database', () => {
  it('accepts each of 20 projects exactly once when 受理 reaches both instances at once', { timeout: 120_000 }, async () => {
    const cluster = await startTwoInstances();
    const [a, b] = cluster.instances as [Instance, Instance];
    const ids: number[] = [];
    for (let index = 1; index <= 20; index += 1) ids.push(await register(cluster, `受理竞争项目${index}`));
    for (const instance of cluster.instances) instance.messenger.clear();

    // Two distinct messages per project from two coordinators, one to each instance.
    for (const id of ids) {
      const stored = await Promise.all([receive(a, cluster.clock, 'window', `受理 P${id}`), receive(b, cluster.clock, 'office', `受理 P${id}`)]);
      expect(stored).toEqual(['accepted', 'accepted']);
    }
    expect(sum(await processEverywhere(cluster))).toBe(40);

    await expectEverythingProcessed(cluster);
    const { prisma } = cluster.database;
    const events = await prisma.event.groupBy({ by: ['projectId'], where: { kind: 'project.accepted' }, _count: true });
    expect(events.map((row) => [row.projectId, row._count]).sort((x, y) => x[0]! - y[0]!)).toEqual(ids.map((id) => [id, 1]));
    expect(await prisma.project.count({ where: { id: { in: ids }, service: 'accepted' } })).toBe(20);

    const replies = allReceived(cluster).filter((item) => item.reply && ['window', 'office'].includes(item.recipient));
    expect(replies).toHaveLength(40);
    for (const id of ids) {
      const success = replies.filter((item) => item.text.startsWith(`已受理 P${id} `));
      expect(success, `success replies for P${id}`).toHaveLength(1);
      const refused = replies.filter((item) => item.text === `P${id} 已受理，不能再受理。`);
      expect(refused, `refusals for P${id}`).toHaveLength(1);
      // The one who lost the race is the other sender.
      expect(refused[0]!.recipient).not.toBe(success[0]!.recipient);
    }
  });

  it('never leaves a closed project with an open task when 办结项目 races 派单', { timeout: 120_000 }, async () => {
    const cluster = await startTwoInstances();
    const [a, b] = cluster.instances as [Instance, Instance];
    const ids: number[] = [];
    for (let index = 1; index <= 10; index += 1) {
      const id = await register(cluster, `办结竞争项目${index}`);
      await say(cluster, 'window', `受理 P${id}`);
      await say(cluster, 'window', `组建团队 P${id}`);
      expect((await say(cluster, 'window', `方案 P${id}`)).find((item) => item.reply)?.text).toMatch(new RegExp(`^P${id} .*服务方案`));
      ids.push(id);
    }
    for (const instance of cluster.instances) instance.messenger.clear();

    for (const id of ids) {
      const stored = await Promise.all([receive(a, cluster.clock, 'window', `办结项目 P${id}`), receive(b, cluster.clock, 'office', `派单 P${id} 环评`)]);
      expect(stored).toEqual(['accepted', 'accepted']);
    }
    expect(sum(await processEverywhere(cluster))).toBe(20);

    await expectEverythingProcessed(cluster);
    const { prisma } = cluster.database;
    const projects = await prisma.project.findMany({ where: { id: { in: ids } }, include: { tasks: true }, orderBy: { id: 'asc' } });
    const outcomes = projects.map((project) => ({
      id: project.id,
      service: project.service,
      open: project.tasks.filter((task) => ['posted', 'taken'].includes(task.state)).length,
    }));
    // Either the project closed first (派单 then refused) or the card went out first (办结项目 then refused).
    for (const outcome of outcomes) {
      expect(outcome.service === 'closed' ? outcome.open : 1, `P${outcome.id}: ${outcome.service} with ${outcome.open} open tasks`).toBe(
        outcome.service === 'closed' ? 0 : 1,
      );
      if (outcome.service !== 'closed') expect(outcome.service).toBe('approving');
    }
    const replies = allReceived(cluster).filter((item) => item.reply);
    for (const { id, service } of outcomes) {
      if (service === 'closed') {
        expect(replies.filter((item) => item.recipient === 'office' && item.text === `P${id} 已办结，不能派单。`)).toHaveLength(1);
      } else {
        expect(replies.filter((item) => item.recipient === 'window' && item.text.startsWith(`P${id} 还有 1 个任务未办结`))).toHaveLength(1);
      }
    }
  });

  it('takes each call once when the agent and the 责任领导 press 报到 at once on two instances', { timeout: 120_000 }, async () => {
    const cluster = await startTwoInstances();
    const [a, b] = cluster.instances as [Instance, Instance];
    const { prisma } = cluster.database;
    const calls: { projectId: number; taskIds: number[] }[] = [];
    for (let index = 1; index <= 8; index += 1) {
      const id = await register(cluster, `报到竞争项目${index}`);
      for (const command of [`受理 P${id}`, `组建团队 P${id}`, `方案 P${id}`, `派单 P${id} 用地预审 用地规划`]) await say(cluster, 'window', command);
      const tasks = await prisma.task.findMany({ where: { projectId: id }, orderBy: { id: 'asc' } });
      expect(new Set(tasks.map((task) => task.callId)).size).toBe(1);
      calls.push({ projectId: id, taskIds: tasks.map((task) => task.id) });
    }
    for (const instance of cluster.instances) instance.messenger.clear();

    // Each names a different item of the same call.
    for (const { taskIds } of calls) {
      const stored = await Promise.all([
        receive(a, cluster.clock, 'zrzy.agent', `报到 T${taskIds[0]}`),
        receive(b, cluster.clock, 'zrzy.leader', `报到 T${taskIds[1]}`),
      ]);
      expect(stored).toEqual(['accepted', 'accepted']);
    }
    expect(sum(await processEverywhere(cluster))).toBe(16);

    await expectEverythingProcessed(cluster);
    expect((await prisma.call.findMany()).map((call) => call.state)).toEqual(Array(8).fill('taken'));
    // One 报到 per item, each recorded once: two events per call, never four.
    expect(await prisma.event.count({ where: { kind: 'task.taken' } })).toBe(16);
    const replies = allReceived(cluster).filter((item) => item.reply);
    expect(replies.filter((item) => item.text.startsWith('已报到 '))).toHaveLength(8);
    expect(replies.filter((item) => /^这个任务已由自然资源局(代办员|责任领导)于 .* 报到。$/.test(item.text))).toHaveLength(8);
    // The window hears of each call once.
    const heard = allReceived(cluster)
      .filter((item) => item.recipient === 'window')
      .flatMap((item) => item.text.split('\n'))
      .filter((line) => line.includes('已由市自然资源局'));
    expect(heard).toHaveLength(8);
  });

  it('forms all 25 teams when one person’s 受理 and 组建团队 are processed by two instances at once', { timeout: 120_000 }, async () => {
    const cluster = await startTwoInstances();
    const [a, b] = cluster.instances as [Instance, Instance];
    const ids: number[] = [];
    for (let index = 1; index <= 25; index += 1) ids.push(await register(cluster, `顺序项目${index}`));
    for (const instance of cluster.instances) instance.messenger.clear();

    // Each project's two lines come from one person, back to back; four people share the 25 projects,
    // and the lines go in alternately through both instances' receive.
    for (const [index, id] of ids.entries()) {
      const account = COORDINATORS[index % COORDINATORS.length]!;
      expect(await receive(index % 2 === 0 ? a : b, cluster.clock, account, `受理 P${id}`)).toBe('accepted');
      expect(await receive(index % 2 === 0 ? b : a, cluster.clock, account, `组建团队 P${id}`)).toBe('accepted');
    }
    expect(sum(await processEverywhere(cluster))).toBe(50);

    await expectEverythingProcessed(cluster);
    const { prisma } = cluster.database;
    const formed = await prisma.event.findMany({ where: { kind: 'project.team_formed', projectId: { in: ids } }, select: { projectId: true } });
    expect(formed.map((row) => row.projectId).sort((x, y) => x! - y!)).toEqual(ids);
    for (const id of ids) expect(await prisma.teamMember.count({ where: { projectId: id } }), `team of P${id}`).toBeGreaterThan(0);
    const replies = allReceived(cluster).filter((item) => item.reply);
    expect(replies.filter((item) => item.text.includes('请先受理'))).toEqual([]);
    expect(replies.filter((item) => /^P\d+ 团队已组建/.test(item.text))).toHaveLength(25);
    expect(replies.filter((item) => /^已受理 P\d+ /.test(item.text))).toHaveLength(25);
  });

  it('creates the catalogue once when 25 first 方案 race on two instances', { timeout: 120_000 }, async () => {
    const cluster = await startTwoInstances();
    const [a, b] = cluster.instances as [Instance, Instance];
    const { prisma } = cluster.database;
    const ids: number[] = [];
    for (let index = 1; index <= 25; index += 1) {
      const id = await register(cluster, `方案竞争项目${index}`);
      await say(cluster, 'window', `受理 P${id}`);
      // Units named, so forming the team does not touch the catalogue the race is about.
      await say(cluster, 'window', `组建团队 P${id} 领导 县领导甲 部门 生态环境局 自然资源局`);
      ids.push(id);
    }
    expect(await prisma.catalogueItem.count()).toBe(0);
    for (const instance of cluster.instances) instance.messenger.clear();

    // Four coordinators, so up to two 方案 (one per instance) are handled at the same moment.
    for (const [index, id] of ids.entries()) {
      expect(await receive(index % 2 === 0 ? a : b, cluster.clock, COORDINATORS[index % COORDINATORS.length]!, `方案 P${id}`)).toBe('accepted');
    }
    expect(sum(await processEverywhere(cluster))).toBe(25);

    await expectEverythingProcessed(cluster);
    expect(await prisma.catalogueItem.count()).toBe(approvalCatalogue.length);
    expect(await prisma.project.count({ where: { id: { in: ids }, planMadeAt: { not: null } } })).toBe(25);
    // The default plan's items that the team's two units own.
    const core = approvalCatalogue.filter((entry) => entry.core && entry.units.some((unit) => /生态环境|自然资源/.test(unit))).length;
    for (const id of ids) expect(await prisma.planItem.count({ where: { projectId: id } }), `plan of P${id}`).toBe(core);
    expect(await prisma.event.count({ where: { kind: 'plan.made', projectId: { in: ids } } })).toBe(25);
    const replies = allReceived(cluster).filter((item) => item.reply);
    expect(replies).toHaveLength(25);
    for (const id of ids)
      expect(
        replies.filter((item) => item.text.startsWith(`P${id} 方案竞争项目`) && item.text.includes('服务方案')),
        `plan reply for P${id}`,
      ).toHaveLength(1);
  });
});

describe('three instances starting at once', () => {
  it.skipIf(!onPostgres)('migrate, load the roster and answer 帮助 on an empty database', { timeout: 120_000 }, async () => {
    const { location, remove } = await createTestDatabaseLocation();
    const databases = await Promise.all([openDatabase(location), openDatabase(location), openDatabase(location)]);
    cleanups.push(async () => {
      for (const database of databases) await database.close();
      await remove();
    });
    // The migrations were applied once, by whichever instance got the advisory lock first.
    const applied = databases.map((database) => database.applied);
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);

    await Promise.all(databases.map((database) => loadRosterAtStart(database.prisma, DEMO_ROSTER, logger)));

    const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
    for (const [index, database] of databases.entries()) {
      const migrations = await database.prisma.$queryRaw<
        { migration_name: string }[]
      >`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
      expect(migrations.map((row) => row.migration_name)).toEqual(applied.find((names) => names.length > 0));
      const messenger = new RecordingMessenger('local');
      const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger, messengers: [messenger] });
      const account = COORDINATORS[index]!;
      expect(await app.receive({ platform: 'local', type: 'text', account, text: '帮助', dedupKey: randomUUID(), at: clock.now().toISOString() })).toBe(
        'accepted',
      );
      await app.processInbound();
      await app.deliver();
      expect(
        messenger.to(account).map((item) => item.text.split('\n')[0]),
        `instance ${index + 1}`,
      ).toEqual([expect.stringMatching(/，你可以使用这些命令：$/)]);
    }

    const { prisma } = databases[0]!;
    const rows = (await readRosterFile(DEMO_ROSTER)).length;
    expect(await prisma.person.count()).toBe(rows);
    const names = await prisma.person.groupBy({ by: ['name'], _count: true });
    expect(names.filter((row) => row._count !== 1)).toEqual([]);
    // Each demo-roster person has a 企业微信账号 and the local-chat account named like it.
    expect(await prisma.account.count()).toBe(rows * 2);
    expect(await prisma.unit.count()).toBe(new Set((await readRosterFile(DEMO_ROSTER)).map((row) => row.cells['单位'])).size);
  });
});
