// A WeCom that fails 30 % of calls at random (HTTP 500, a reset connection, no answer, 45009,
// 42001) and refuses one person for ever (40003): every other message is shown exactly once, and
// the refused person's message is set aside at its first answer, reported to the admins, and
// holds up no one.
import { expect, it } from 'vitest';
import { useFaultRig } from './fault-rig.js';
import { describeOutbox, waitForEmptyOutbox, startBot, waitFor, writePolicy } from './bot-process.js';
import { deliveriesPerRow } from './fake-wecom-server.js';
import { messagesShown, notOnce } from './delivered-once.js';
import { seedMessages } from './seed-messages.js';

const MESSAGES = 200;
const POISONED = 'leader.b';

const rig = useFaultRig({ failRate: 0.3, poisoned: [POISONED] });

it('delivers everything once through random failures and sets the poison message aside', async () => {
  const numbers = await seedMessages(rig.database.prisma, MESSAGES, { skip: [POISONED] });
  const poisoned = await rig.database.prisma.account.findUniqueOrThrow({ where: { platform_account: { platform: 'wecom', account: POISONED } } });
  await rig.database.prisma.$transaction((tx) =>
    tx.outbox.create({ data: { personId: poisoned.personId, kind: 'text', payload: { kind: 'text', text: '故障演练消息 #0' } } }),
  );
  const bot = await startBot(rig.location.location, rig.wecom.url, writePolicy({ officeHours: 'always' }));
  try {
    await waitFor(
      'every message',
      () => messagesShown(rig.wecom.delivered).size === MESSAGES,
      180_000,
      () => describeOutbox(rig.database.prisma, [bot]),
    );
    // A row that meets 45009 twice waits two whole minutes (bot/wecom/classify-wecom-failure.ts).
    await waitForEmptyOutbox(rig.database.prisma, [bot], 180_000);
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  expect(notOnce(messagesShown(rig.wecom.delivered), numbers, '#')).toEqual([]);
  expect([...deliveriesPerRow(rig.wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
  expect(rig.wecom.delivered.filter((item) => item.to === POISONED)).toEqual([]);
  const setAside = await rig.database.prisma.outbox.findMany({ where: { personId: poisoned.personId } });
  expect(setAside.map((row) => [row.status, row.attempts])).toEqual([['failed', 1]]);
  expect(rig.wecom.delivered.filter((item) => item.to === 'admin' && item.text.includes('无法送达'))).toHaveLength(1);
  for (const fault of ['500', 'reset', '45009', '42001'] as const) expect(rig.wecom.faulted.get(fault), fault).toBeGreaterThan(0);
  console.info(
    `30 % faults: ${JSON.stringify(Object.fromEntries(rig.wecom.faulted))}, ${rig.wecom.deduplicated()} resent sends dropped by the duplicate check`,
  );
}, 420_000);
