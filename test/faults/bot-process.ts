// The bot as `npm start` runs it with WeCom configured, one OS process per instance, on a shared
// PostgreSQL and a fake WeCom (fake-wecom-server.ts), so a test can kill -9 it, SIGTERM it and start
// it again. Like test/bot/start-bot-process.ts, with the signal and the exit left to the test; both run the
// build test/support/global-setup.ts makes once per run (bot-command.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../prisma/open-database.js';
import { config, sample } from '../bot/wecom/wecom-fixtures.js';
import { botCommand } from '../support/bot-command.js';
import { DEMO_ROSTER } from '../support/harness.js';

export interface BotInstance {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null after a signal) when the process has exited. */
  exited: Promise<number | null>;
}

const LISTENING = /项目管家 is listening on (http:\/\/\S+)/;

/** Writes a POLICY_FILE for the instances; returns its path. */
export function writePolicy(policy: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'xmgj-faults-')), 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
}

export function startBot(databaseUrl: string, wecomUrl: string, policyFile: string, env: Record<string, string> = {}): Promise<BotInstance> {
  const child = spawn(process.execPath, botCommand(), {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      ROSTER_FILE: DEMO_ROSTER,
      POLICY_FILE: policyFile,
      WECOM_CORP_ID: sample.corpId,
      WECOM_AGENT_ID: String(config.agentId),
      WECOM_SECRET: config.secret,
      WECOM_TOKEN: sample.token,
      WECOM_ENCODING_AES_KEY: sample.encodingAesKey,
      WECOM_API_BASE: wecomUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    // Generous: on a machine busy with other work start-up (through tsx, before the tests ran one build) has
    // taken over 30 s; the tests time what happens after start-up, not start-up.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start-up line within 90 s\n${output}`));
    }, 90_000);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1]!, child, output: () => output, exited });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening\n${output}`));
    });
  });
}

/** Polls `check` every 200 ms until it holds; throws with `what` and `state()` after `ms`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  ms: number,
  state: () => string | Promise<string> = () => '',
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}: ${await state()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Outbox rows by status, and the errors the bot logged, for a timeout's message. */
/** Waits until no outbox row is pending or being sent, describing the outbox if it does not happen in time. */
export function waitForEmptyOutbox(prisma: Db, bots: readonly BotInstance[], ms: number): Promise<void> {
  return waitFor(
    'the outbox to empty',
    async () => (await prisma.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0,
    ms,
    () => describeOutbox(prisma, bots),
  );
}

export async function describeOutbox(prisma: Db, bots: readonly BotInstance[]): Promise<string> {
  const statuses = await prisma.outbox.groupBy({ by: ['status'], _count: true });
  const errors = bots.flatMap((bot) => bot.output().split('\n')).filter((line) => /"level":(50|60)/.test(line));
  return `outbox ${JSON.stringify(Object.fromEntries(statuses.map((row) => [row.status, row._count])))}; ${errors.length} error lines, the last: ${errors.at(-1)?.slice(0, 600) ?? 'none'}`;
}
