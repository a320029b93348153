// Queues `count` numbered texts (故障演练消息 #n) through the outbox, spread over everyone in the
// roster who has a WeCom account, as handlers and cron jobs queue notices.
import { enqueueMessage } from '../../core/enqueue-message.js';
import type { Db } from '../../prisma/open-database.js';

export async function seedMessages(prisma: Db, count: number, options: { skip?: readonly string[] } = {}): Promise<number[]> {
  const accounts = await prisma.account.findMany({
    where: { platform: 'wecom', person: { active: true } },
    select: { personId: true, account: true },
    orderBy: { personId: 'asc' },
  });
  const people = accounts.filter((row) => !options.skip?.includes(row.account)).map((row) => row.personId);
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  await prisma.$transaction(
    async (tx) => {
      for (const n of numbers)
        await enqueueMessage(tx, { to: { personId: people[n % people.length]! }, message: { kind: 'text', text: `故障演练消息 #${n}` } });
    },
    { timeout: 60_000 },
  );
  return numbers;
}
