// 撤销 racing 报到 on two instances (on PostgreSQL, scripts/with-postgres.sh, each its own pool): both
// take the project, call and task locks in one order, so each item ends withdrawn exactly once, the
// losing 报到 is refused or the withdrawal follows it, and no call is left waiting to be chased.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { createLogger } from '../../core/logger.js';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { defaultPolicy } from '../../domain/policy.js';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import { FakeClock } from '../support/fake-clock.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { RecordingMessenger } from '../support/recording-messenger.js';
import { createTestDatabaseLocation, openTestDatabase } from '../support/test-database.js';

it('withdraws each item once when 撤销 and 报到 reach two instances at once', { timeout: 180_000 }, async () => {
  const databases: Database[] = [];
  let remove = async (): Promise<void> => {};
  if (process.env.TEST_DATABASE_URL) {
    const made = await createTestDatabaseLocation();
    remove = made.remove;
    databases.push(await openDatabase(made.location), await openDatabase(made.location));
  } else {
    const only = await openTestDatabase();
    databases.push(only, only);
  }
  try {
    const { prisma } = databases[0]!;
    await importRoster(prisma, await readRosterFile(DEMO_ROSTER));
    const clock = new FakeClock(new Date('2026-11-23T10:00:00+08:00'));
    const instances = databases.map((database) => {
      const messenger = new RecordingMessenger('local');
      const app = createApp({ prisma: database.prisma, policy: defaultPolicy, clock, logger: createLogger('silent'), messengers: [messenger] });
      return { app, messenger };
    });
    const [a, b] = instances as [{ app: App; messenger: RecordingMessenger }, { app: App; messenger: RecordingMessenger }];
    const receive = (app: App, account: string, text: string) =>
      app.receive({ platform: 'local', type: 'text', account, text, dedupKey: randomUUID(), at: clock.now().toISOString() });
    const say = async (account: string, text: string) => {
      await receive(a.app, account, text);
      await a.app.processInbound();
    };

    const taskIds: number[] = [];
    for (let index = 1; index <= 8; index += 1) {
      await say('window', `登记项目\n名称：撤销竞争项目${index}\n投资：3.5亿\n责任单位：生态环境局\n包抓领导：县领导甲`);
      for (const command of [`受理 P${index}`, `组建团队 P${index}`, `方案 P${index}`, `派单 P${index} 环评`]) await say('window', command);
      taskIds.push((await prisma.task.findFirstOrThrow({ where: { projectId: index } })).id);
    }
    for (const id of taskIds) {
      expect(await Promise.all([receive(a.app, 'window', `撤销 T${id} 派错了`), receive(b.app, 'sthj.agent', `报到 T${id}`)])).toEqual([
        'accepted',
        'accepted',
      ]);
    }
    await Promise.all([a.app.processInbound(), b.app.processInbound()]);
    await Promise.all([a.app.deliver(), b.app.deliver()]);

    expect(await prisma.inbound.findMany({ where: { OR: [{ processedAt: null }, { failedAt: { not: null } }] }, select: { id: true } })).toEqual([]);
    const tasks = await prisma.task.findMany({ where: { id: { in: taskIds } }, include: { call: true }, orderBy: { id: 'asc' } });
    for (const task of tasks) {
      expect(task.state).toBe('cancelled');
      // Withdrawn before 报到: the call is cancelled; after: it stays taken. Never left waiting to be chased.
      expect([task.call.state, task.call.nextEscalationAt]).toEqual(task.call.takenAt ? ['taken', null] : ['cancelled', null]);
    }
    const withdrawn = await prisma.event.groupBy({ by: ['taskId'], where: { kind: 'task.withdrawn' }, _count: true });
    expect(withdrawn.map((row) => [row.taskId, row._count]).sort((x, y) => x[0]! - y[0]!)).toEqual(taskIds.map((id) => [id, 1]));
    const replies = [...a.messenger.received, ...b.messenger.received].filter((item) => item.reply && item.recipient === 'window');
    expect(replies.filter((item) => item.text.startsWith('已撤销 T'))).toHaveLength(taskIds.length);
  } finally {
    for (const database of new Set(databases)) await database.close();
    await remove();
  }
});
