// With POLICY_FILE setting ackTimeoutMinutes to 0.05 (3 s), the bot as
// started — real clock, real loops — delivers the escalation within 5 s of the card's due time,
// and exactly once. The escalation cycle runs every ESCALATION_CYCLE_MS (1 s), which leaves room.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShiftableClock } from '../../bot/local/shiftable-clock.js';
import { loadConfig } from '../../bot/config.js';
import { ESCALATION_CYCLE_MS } from '../../cron/run-escalation-cycle.js';
import { startLocalChat, type LocalChat } from './local-chat.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-'));
let chat: LocalChat;

beforeAll(async () => {
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ ackTimeoutMinutes: 0.05, secondEscalationMinutes: 600, officeHours: 'always' }));
  chat = await startLocalChat(new ShiftableClock(), loadConfig({ POLICY_FILE: file }).policy);
  chat.app.start();
});
afterAll(async () => {
  await chat.close();
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor<T>(find: () => T | undefined, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`nothing arrived within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('delivers the first escalation within 5 s of due, exactly once', { timeout: 30_000 }, async () => {
  await chat.post('window', '登记项目 名称：光伏组件项目 投资：3.5亿');
  await chat.post('window', '受理 P1');
  await chat.post('window', '组建团队 P1 领导 县领导甲');
  await chat.post('window', '方案 P1');
  await chat.post('window', '派单 P1 环评');
  await waitFor(() => chat.deliveries.find((item) => item.recipient === 'sthj.agent' && item.text.startsWith('【任务 T1')), 10_000);
  const { call } = await chat.database.prisma.task.findUniqueOrThrow({ where: { id: 1 }, include: { call: true } });
  expect(call.ackDueAt.getTime() - call.postedAt.getTime()).toBe(3000);

  const reminder = await waitFor(() => chat.deliveries.find((item) => item.recipient === 'sthj.agent' && item.text.includes('分钟未报到')), 10_000);
  expect(reminder.at - call.ackDueAt.getTime()).toBeGreaterThanOrEqual(0);
  expect(reminder.at - call.ackDueAt.getTime()).toBeLessThanOrEqual(5000);

  // Two more cycles pass: still one reminder to the agent and one notice to the window.
  await new Promise((resolve) => setTimeout(resolve, 2 * ESCALATION_CYCLE_MS + 500));
  const notices = chat.deliveries.filter((item) => item.text.includes('分钟未报到'));
  expect(notices.map((item) => item.recipient).sort()).toEqual(['sthj.agent', 'sthj.leader', 'window']);
});
