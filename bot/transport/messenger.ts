// What the outbox sender needs from a platform (docs/architecture.md): deliver one message to one
// account or group chat, say whether a failure is worth retrying, and declare the platform's
// limits, which the shared outbox code uses to split, pace and bundle.
import type { OutgoingMessage, Platform } from '../../core/messages.js';

/** A group chat as the platform sees it: accounts, not persons. */
export interface ChatTarget {
  /** Our id, also the platform's chat id where the platform lets us choose it. */
  id: string;
  name: string;
  owner: string;
  members: string[];
}

export interface Delivery {
  outboxId: bigint;
  to: { account: string } | { chat: ChatTarget };
  message: OutgoingMessage;
  /** 1 on the first try; a retry after a crash may repeat a send that reached the person. */
  attempt: number;
  /**
   * An earlier try's outcome is unknown and the platform drops no duplicate of this delivery: show it
   * marked as a resend (RESEND_MARK), so nobody takes it for a new message.
   */
  resend?: boolean;
  /** A reply to the person's own command: it must show even when identical to one sent minutes ago. */
  reply: boolean;
}

export type DeliveryResult =
  | { ok: true; platformMsgId?: string }
  /**
   * Temporary: network, 5xx, rate limit. The sender retries with backoff. `unknown`: the request was
   * written and no answer came (a timeout, a reset): the platform may have shown the message.
   */
  | { ok: false; retry: true; error: string; retryAfterMs?: number; unknown?: true }
  /**
   * Permanent: invalid recipient and the like. Marked failed and reported to admins once.
   * `groupRefused`: the platform will not deliver to group chats; the sender sends to each member.
   */
  | { ok: false; retry: false; error: string; groupRefused?: true };

export interface MessengerLimits {
  /** Bytes of one text or markdown message; the sender splits longer ones between lines. */
  maxBytes: number;
  /** Messages one account may receive in a minute and in an hour; beyond them notices wait and are bundled. */
  perMinute: number;
  perHour: number;
  /** Whether project group chats exist on this platform; without them, chat messages go to each member. */
  groupChats: boolean;
}

export interface Messenger {
  readonly platform: Platform;
  readonly limits: MessengerLimits;
  /**
   * Whether the platform drops a resend of this delivery identical to one it already took (WeCom's
   * duplicate check on message/send). Where it does not, a resend after an unknown outcome is marked.
   */
  dropsDuplicates(delivery: Delivery): boolean;
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}

/** The first line (or the prefix of a title or a file name) of a message sent again after an unknown outcome. */
export const RESEND_MARK = '（重发）';
