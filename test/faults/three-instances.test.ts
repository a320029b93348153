// Three server processes on one PostgreSQL, callbacks spread over all three while cards fall due:
// each reply and each escalation exactly once (every loop claims with SKIP LOCKED; docs/architecture.md
// "Several instances").
import { expect, it } from 'vitest';
import { useFaultRig } from './fault-rig.js';
import { describeOutbox, waitForEmptyOutbox, startBot, waitFor, writePolicy, type BotInstance } from './bot-process.js';
import { escalationsShown, notOnce } from './delivered-once.js';
import { deliveriesPerRow } from './fake-wecom-server.js';
import { drillReplies, postDrill } from './post-callback.js';
import { seedDueCards } from './seed-due-cards.js';

const CARDS = 50;
const CALLBACKS = 90;
// Nine senders: WeCom takes 30 messages a minute per person, and replies are paced to it.
const SENDERS = ['admin', 'office', 'invest', 'inspect', 'leader.a', 'leader.main', 'spj.agent', 'fgw.agent', 'gxj.agent'];
const senderOf = (n: number) => SENDERS[n % SENDERS.length]!;
const replied = (n: number) => drillReplies(rig.wecom.delivered, n, senderOf(n));
const policyOverride = { officeHours: 'always', ackTimeoutMinutes: 0.5 };

const rig = useFaultRig();

it('answers each message and fires each escalation once with three instances', async () => {
  const { taskIds } = await seedDueCards(rig.database.prisma, CARDS, 30_000, policyOverride.ackTimeoutMinutes);
  const policyFile = writePolicy(policyOverride);
  const bots: BotInstance[] = [];
  try {
    for (let index = 0; index < 3; index += 1) bots.push(await startBot(rig.location.location, rig.wecom.url, policyFile));
    const numbers = Array.from({ length: CALLBACKS }, (_, index) => index + 1);
    // WeCom delivers each callback to one instance behind the load balancer, some twice (its retry).
    for (const n of numbers) {
      expect((await postDrill(bots[n % 3]!, n, senderOf(n))).status).toBe(200);
      if (n % 10 === 0) expect((await postDrill(bots[(n + 1) % 3]!, n, senderOf(n))).status).toBe(200);
    }
    await waitFor(
      'every reply and every escalation',
      () => numbers.every((n) => replied(n) >= 1) && escalationsShown(rig.wecom.delivered).size === taskIds.length,
      120_000,
      async () =>
        `${numbers.filter((n) => replied(n) >= 1).length}/${CALLBACKS} replies, ${escalationsShown(rig.wecom.delivered).size}/${taskIds.length} escalations; ${await describeOutbox(rig.database.prisma, bots)}`,
    );
    await waitForEmptyOutbox(rig.database.prisma, bots, 60_000);
    expect(numbers.filter((n) => replied(n) !== 1)).toEqual([]);
    expect(notOnce(escalationsShown(rig.wecom.delivered), taskIds, 'T')).toEqual([]);
    expect([...deliveriesPerRow(rig.wecom.delivered)].filter(([, count]) => count > 1)).toEqual([]);
  } finally {
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((bot) => bot.exited));
  }
}, 300_000);
