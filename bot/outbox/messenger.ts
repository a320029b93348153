// What the outbox sender needs from a platform: deliver one message, and say whether a
// failure is worth retrying. Implemented by bot/local (the terminal chat) and bot/wecom.
import type { OutgoingMessage } from '../outgoing-message.js';

export interface Delivery {
  outboxId: bigint;
  /** Person userid, or a group chat id when `toChat`. */
  recipient: string;
  toChat: boolean;
  message: OutgoingMessage;
  taskId: number | null;
}

export type DeliveryResult =
  | { ok: true; platformMsgId?: string; responseCode?: string }
  /** Temporary: network, 5xx, rate limit. The sender retries with backoff. */
  | { ok: false; retry: true; error: string; retryAfterMs?: number }
  /** Permanent: invalid recipient and the like. Marked failed and reported to admins once. */
  | { ok: false; retry: false; error: string };

export interface Messenger {
  readonly platform: 'wecom' | 'dingtalk' | 'local';
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}
