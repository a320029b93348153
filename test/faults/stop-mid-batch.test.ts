// SIGTERM while a send batch is going out to a slow WeCom: the process is gone within 5 s, the sends
// under way finished and the rest of the batch put back (no row left waiting for its lease), and
// after a restart every message has been shown exactly once.
import { expect, it } from 'vitest';
import { useFaultRig } from './fault-rig.js';
import { describeOutbox, waitForEmptyOutbox, startBot, waitFor, writePolicy } from './bot-process.js';
import { deliveriesPerRow } from './fake-wecom-server.js';
import { messagesShown, notOnce } from './delivered-once.js';
import { seedMessages } from './seed-messages.js';

const MESSAGES = 300;

const rig = useFaultRig({ delayMs: 400 });

it('stops within 5 s mid-batch and loses nothing', async () => {
  const numbers = await seedMessages(rig.database.prisma, MESSAGES);
  const policyFile = writePolicy({ officeHours: 'always' });
  const first = await startBot(rig.location.location, rig.wecom.url, policyFile);
  await waitFor('a send batch under way', () => rig.wecom.delivered.length >= 10, 60_000);
  const signalled = Date.now();
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(5000);
  expect(messagesShown(rig.wecom.delivered).size).toBeLessThan(MESSAGES);
  expect(await rig.database.prisma.outbox.count({ where: { status: 'sending' } })).toBe(0);

  const second = await startBot(rig.location.location, rig.wecom.url, policyFile);
  try {
    await waitFor(
      'every message',
      () => messagesShown(rig.wecom.delivered).size === MESSAGES,
      120_000,
      () => describeOutbox(rig.database.prisma, [first, second]),
    );
    await waitForEmptyOutbox(rig.database.prisma, [first, second], 60_000);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
  expect(notOnce(messagesShown(rig.wecom.delivered), numbers, '#')).toEqual([]);
  expect([...deliveriesPerRow(rig.wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
}, 240_000);
