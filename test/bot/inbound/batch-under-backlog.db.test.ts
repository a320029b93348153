// Under a backlog a batch still takes up to 20 senders' events (bot/app.ts INBOUND_BATCH): the fixed
// cost of a transaction — claim and mark, senders, the outbox insert, commit — is spread over 20
// events, not paid per 2.2 of them as when the claim shrank to a time budget (issue 20). Each
// person's messages are still answered in the order sent.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBatchProcessor } from '../../../bot/inbound/process-batch.js';
import { createLogger } from '../../../core/logger.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { createPeople } from '../../support/create-people.js';
import { createHarness, type Harness } from '../../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ platform: 'wecom' });
});
afterEach(async () => {
  await h.close();
});

const PEOPLE = 100;
const EACH = 10;
/** Answers told apart by kind, so the order each person got them in shows. */
const LINES = ['帮助', '进度 P99991', '进度 P99991', '帮助', '帮助', '进度 P99991', '帮助', '进度 P99991', '帮助', '帮助'];
const kindOf = (text: string) => (text.startsWith('没有找到') ? 'not found' : /命令/.test(text) ? 'help' : text);

it(`handles ${PEOPLE * EACH} waiting events of ${PEOPLE} people 20 at a time, each person’s answered in order`, { timeout: 600_000 }, async () => {
  const people = Array.from({ length: PEOPLE }, (_, index) => `backlog${index}`);
  const unit = await h.prisma.unit.findFirstOrThrow();
  await createPeople(
    h.prisma,
    people.map((account, index) => ({ account, name: `积压${index}`, roles: ['代办员'], unitId: unit.id, platform: 'wecom' as const })),
  );
  for (const line of LINES.slice(0, EACH))
    for (const account of people)
      expect(await h.app.receive({ platform: 'wecom', type: 'text', account, text: line, dedupKey: randomUUID(), at: h.clock.now().toISOString() })).toBe(
        'accepted',
      );

  const processBatch = createBatchProcessor({
    prisma: h.prisma,
    clock: h.clock,
    logger: createLogger('silent'),
    context: { policy: defaultPolicy, policySources: {}, groupPlatforms: [], directoryPlatforms: new Set(), filePlatforms: new Set() },
    batch: 20,
  });
  const sizes: number[] = [];
  for (let done = await processBatch(); done > 0; done = await processBatch()) sizes.push(done);

  expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(PEOPLE * EACH);
  // One event per sender per batch and 100 senders waiting: every batch is full.
  expect(sizes).toEqual(Array.from({ length: (PEOPLE * EACH) / 20 }, () => 20));
  while ((await h.app.deliver()) > 0);
  const expected = LINES.slice(0, EACH).map((line) => (line === '帮助' ? 'help' : 'not found'));
  for (const account of people)
    expect(
      h.messenger.to(account).map((received) => kindOf(received.text)),
      account,
    ).toEqual(expected);
});
