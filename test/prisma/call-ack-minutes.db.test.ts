// A call keeps its 报到 office minutes from the moment it is taken (Call.ackMinutes, migration 0019): the
// minutes the window's notice says are the ones the 单位 pages count, without counting them again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { preparePlannedProject } from '../handlers/story-steps.js';

let h: Harness;
beforeEach(async () => {
  // Friday 2026-11-20 17:50 in Shanghai: ten office minutes before the day ends.
  h = await createHarness({ now: '2026-11-20T17:50:00+08:00' });
  await preparePlannedProject(h);
}, 120_000);
afterEach(async () => {
  await h.close();
});

it('keeps the office minutes of a 报到 on its call, as the notice to the window says them', async () => {
  await h.say('window', '派单 P1 环评');
  // Monday 08:50: 10 minutes on Friday and 20 on Monday (office hours from 08:30).
  h.clock.set('2026-11-23T08:50:00+08:00');
  const received = await h.say('sthj.agent', '报到 T1');
  const notice = received.find((item) => item.recipient === 'window' && item.text.includes('已由'))?.text ?? '';
  expect(notice).toContain('用时 30 分钟');
  const call = await h.prisma.call.findFirstOrThrow({ where: { tasks: { some: { id: 1 } } } });
  expect(call.ackMinutes).toBe(30);
});
