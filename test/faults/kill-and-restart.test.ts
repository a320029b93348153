// kill -9 in the middle of the work, then a restart: 1,000 cards falling due within the minute and
// 1,000 queued messages. Every escalation fires once and every message is shown once (a send in
// flight at the kill is resent after its lease and dropped by WeCom's duplicate check, as in
// production: docs/architecture.md "Messages and cards").
import { expect, it } from 'vitest';
import { useFaultRig } from './fault-rig.js';
import { describeOutbox, waitForEmptyOutbox, startBot, waitFor, writePolicy } from './bot-process.js';
import { deliveriesPerRow } from './fake-wecom-server.js';
import { escalationsShown, messagesShown, notOnce } from './delivered-once.js';
import { seedDueCards } from './seed-due-cards.js';
import { seedMessages } from './seed-messages.js';

const CARDS = 1000;
const MESSAGES = 1000;
const policyOverride = { officeHours: 'always', ackTimeoutMinutes: 1 };

const rig = useFaultRig();

it('loses nothing and sends nothing twice across a kill -9', async () => {
  const { taskIds } = await seedDueCards(rig.database.prisma, CARDS, 60_000, policyOverride.ackTimeoutMinutes);
  const numbers = await seedMessages(rig.database.prisma, MESSAGES);
  const policyFile = writePolicy(policyOverride);

  const first = await startBot(rig.location.location, rig.wecom.url, policyFile);
  await waitFor(
    'some messages delivered',
    () => messagesShown(rig.wecom.delivered).size >= 200,
    60_000,
    () => describeOutbox(rig.database.prisma, [first]),
  );
  first.child.kill('SIGKILL');
  await first.exited;
  const beforeRestart = messagesShown(rig.wecom.delivered).size;
  expect(beforeRestart).toBeLessThan(MESSAGES);

  const second = await startBot(rig.location.location, rig.wecom.url, policyFile);
  try {
    await waitFor(
      'every message and every escalation',
      () => messagesShown(rig.wecom.delivered).size === MESSAGES && escalationsShown(rig.wecom.delivered).size === taskIds.length,
      // The window is told of all 1,000 cards: about 100 KB of lines, at least 50 WeCom messages at 30 a minute.
      300_000,
      async () =>
        `${messagesShown(rig.wecom.delivered).size}/${MESSAGES} messages, ${escalationsShown(rig.wecom.delivered).size}/${taskIds.length} escalations; ${await describeOutbox(rig.database.prisma, [first, second])}`,
    );
    // Anything still in flight or leased at the kill has had its chance to come twice.
    await waitForEmptyOutbox(rig.database.prisma, [first, second], 60_000);
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
  expect(notOnce(messagesShown(rig.wecom.delivered), numbers, '#')).toEqual([]);
  expect(notOnce(escalationsShown(rig.wecom.delivered), taskIds, 'T')).toEqual([]);
  expect([...deliveriesPerRow(rig.wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
  console.info(
    `kill -9: ${taskIds.length} cards, ${MESSAGES} messages; ${beforeRestart} shown before the kill; ${rig.wecom.deduplicated()} resent sends dropped by the duplicate check`,
  );
}, 480_000);
