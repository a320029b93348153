// A county starts the bot with its profile: POLICY_PRESET=营口 and a POLICY_FILE on top, as an operator
// would, and the admin's 设置 in the local chat names where each value came from (docs/domain.md "Profiles").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startBotProcess } from './start-bot-process.js';

/** Says `text` as `account` in the local chat and returns the first reply to `account` that matches. */
async function ask(url: string, account: string, text: string, reply: RegExp): Promise<string> {
  const stream = await fetch(`${url}/local/messages`);
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  try {
    await fetch(`${url}/local/say`, { method: 'POST', body: JSON.stringify({ as: account, text }) });
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before a reply matching ${reply}`);
      buffered += value;
      const deliveries = [...buffered.matchAll(/^data: (.*)$/gm)].map((match) => JSON.parse(match[1]!) as { recipient: string; text: string });
      const found = deliveries.find((delivery) => delivery.recipient === account && reply.test(delivery.text));
      if (found) return found.text;
    }
  } finally {
    await reader.cancel();
  }
}

// Starting opens (creates) an embedded database: seconds on a busy machine.
it('starts with POLICY_PRESET=营口 under a POLICY_FILE, and 设置 names each value’s source', { timeout: 60_000 }, async () => {
  const policyFile = join(mkdtempSync(join(tmpdir(), 'xmgj-preset-')), 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ problemFirstAnswerDays: 2 }));
  const bot = await startBotProcess({ POLICY_PRESET: '营口', POLICY_FILE: policyFile });
  try {
    const settings = await ask(bot.url, 'admin', '设置', /^本县规则/);
    expect(settings).toContain('· 帮办代办：投资 1000万元起（预设 营口）');
    expect(settings).toContain('· 问题答复期限：2 天，过期提醒领导（POLICY_FILE）');
    expect(settings).toContain('· 开工期限：签约后 90、摘牌后 50 个工作日（默认）');
  } finally {
    await bot.stop();
  }
});
