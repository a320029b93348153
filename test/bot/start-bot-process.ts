// Runs the real entry point (bot/main.ts, compiled once per run: test/support/bot-command.ts) in a child
// process, as `npm start` does, and waits for
// its start-up line; tests read what it printed, as an operator would.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botCommand } from '../support/bot-command.js';

export interface BotProcess {
  /** The URL the start-up line names. */
  url: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

const LISTENING = /项目管家 is listening on (http:\/\/\S+)/;

/** `startTimeoutMs`: how long to wait for the start-up line (a loaded machine may need more than 30 s). */
export function startBotProcess(env: Record<string, string>, nodeArgs: string[] = [], startTimeoutMs = 30_000): Promise<BotProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'xmgj-process-'));
  const child = spawn(process.execPath, botCommand(nodeArgs), {
    env: { PATH: process.env.PATH, DATA_DIR: join(dir, 'data'), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no start-up line within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = LISTENING.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        stdout: () => stdout,
        stderr: () => stderr,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => fail(new Error(`exited with ${code} before listening`)));
  });
}
