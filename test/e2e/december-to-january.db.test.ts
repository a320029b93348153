// Issue 18's simulation: December 2026 → January 2027 on a moving clock, the whole bot (commands,
// escalation, Zhenping's rhythm, delivery) with 2027 not yet entered, so 2027 is provisional.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { createHarness, type Harness } from '../support/harness.js';
import { REGISTER } from '../handlers/story-steps.js';

let h: Harness;
const actions: Record<string, [string, string][]> = {
  '2026-12-07 10:00': [
    ['window', `${REGISTER}\n责任单位：市投资促进局`],
    ['window', '受理 P1'],
    ['window', '组建团队 P1'],
    ['window', '方案 P1'],
    ['window', '派单 P1 环评 水保 用地预审'],
  ],
  '2026-12-07 11:00': [
    ['sthj.agent', '收到'],
    ['swj.agent', '收到'],
  ],
  '2026-12-09 10:00': [['sthj.agent', '办结 T1']],
  '2026-12-21 10:00': [['zrzy.agent', '收到']],
};

beforeAll(async () => {
  h = await createHarness({ now: '2026-12-07T07:00:00+08:00' });
  const start = Date.parse('2026-12-07T07:00:00+08:00');
  for (let day = 0; day < 54; day += 1) {
    for (let slot = 0; slot < 22; slot += 1) {
      h.clock.set(new Date(start + day * 86_400_000 + slot * 30 * 60_000));
      const at = `${formatShanghai(h.clock.now(), 'date')} ${formatShanghai(h.clock.now(), 'time')}`;
      await h.app.escalate();
      await h.app.runSchedules();
      await h.app.deliver();
      for (const [account, text] of actions[at] ?? []) await h.say(account, text);
    }
  }
  writeFileSync('/tmp/sim.txt', h.messenger.received.map((item) => `### ${item.recipient}\n${item.text}`).join('\n'));
}, 1_800_000);
afterAll(async () => {
  await h?.close();
});

it('runs', () => {
  expect(h.messenger.received.length).toBeGreaterThan(0);
});
