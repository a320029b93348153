// A fake WeCom API on 127.0.0.1 for the bench (WECOM_API_BASE points at it), served from a worker
// thread (fake-wecom-server.mjs): notes what arrived when, by the outbox row the bot marks into
// each text (bot/wecom/send-app-message.ts markWithId).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { readMark } from '../test/bot/wecom/wecom-fixtures.js';

export interface Receipt {
  to: string;
  /** The outbox row the message names (null for a card or a chat without a mark). */
  outboxId: bigint | null;
  /** Date.now() when it arrived. */
  at: number;
}

export interface FakeWecom {
  apiBase: string;
  receipts: Receipt[];
  /** Resolves when `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWecom(): Promise<FakeWecom> {
  const receipts: Receipt[] = [];
  let waiting: { count: number; resolve(): void } | null = null;
  const worker = new Worker(new URL('./fake-wecom-server.mjs', import.meta.url));
  const [{ port }] = (await once(worker, 'message')) as [{ port: number }];
  worker.on('message', ({ to, content, at }: { to: string; content: string | null; at: number }) => {
    receipts.push({ to, outboxId: content === null ? null : readMark(content).outboxId, at });
    if (waiting && receipts.length >= waiting.count) waiting.resolve();
  });
  return {
    apiBase: `http://127.0.0.1:${port}`,
    receipts,
    waitFor(count, timeoutMs) {
      if (receipts.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${receipts.length} of ${count} messages arrived within ${timeoutMs / 1000} s`)), timeoutMs);
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            waiting = null;
            resolve();
          },
        };
      });
    },
    close: async () => void (await worker.terminate()),
  };
}
