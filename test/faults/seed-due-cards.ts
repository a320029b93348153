// The one way the fault tests create task cards that fall due: through the commands, as the window
// types them (登记项目 → 受理 → 组建团队 → 方案 → 派单), with one item per unit per project, so each
// card is one unit's call on one project. Runs in the test process on the database the bot
// processes will share. The replies and cards it queues are delivered here, to a recording
// messenger, so what the bot processes send afterwards is only what the test is about.
import { randomUUID } from 'node:crypto';
import { createApp } from '../../bot/app.js';
import { createLogger } from '../../bot/logger.js';
import type { Policy } from '../../domain/policy.js';
import type { Db } from '../../prisma/open-database.js';
import { RecordingMessenger } from '../support/recording-messenger.js';

export interface SeededCards {
  /** Task numbers posted (the T in 任务 T12). */
  taskIds: number[];
}

export async function seedDueCards(prisma: Db, policy: Policy, projects: number): Promise<SeededCards> {
  const app = createApp({ prisma, policy, clock: { now: () => new Date() }, logger: createLogger('silent'), messengers: [new RecordingMessenger('wecom')] });
  const say = async (text: string): Promise<void> => {
    await app.receive({ platform: 'wecom', type: 'text', account: 'window', text, dedupKey: randomUUID(), at: new Date().toISOString() });
    await app.processInbound();
    while ((await app.deliver()) > 0);
  };
  for (let n = 1; n <= projects; n += 1) {
    await say(`登记项目 名称：故障演练项目${n} 投资：3亿 行业：新能源 包抓领导：县领导甲`);
    const project = await prisma.project.findFirstOrThrow({ where: { name: `故障演练项目${n}` }, select: { id: true } });
    await say(`受理 P${project.id}`);
    await say(`组建团队 P${project.id}`);
    await say(`方案 P${project.id}`);
    const items = await prisma.planItem.findMany({ where: { projectId: project.id }, orderBy: { id: 'asc' } });
    const firstPerUnit = new Map<number, string>();
    for (const item of items) if (item.unitId !== null && !firstPerUnit.has(item.unitId)) firstPerUnit.set(item.unitId, item.itemName);
    await say(`派单 P${project.id} ${[...firstPerUnit.values()].join(' ')}`);
  }
  const tasks = await prisma.task.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  return { taskIds: tasks.map((task) => task.id) };
}
