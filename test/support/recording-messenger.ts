// A messenger that delivers into a list, so tests can assert who received what.
import type { OutgoingMessage, Platform } from '../../core/messages.js';
import { renderAsText } from '../../bot/local/render-as-text.js';
import { RESEND_MARK, type Delivery, type DeliveryResult, type Messenger, type MessengerLimits } from '../../bot/transport/messenger.js';

export interface Received {
  /** The account (or the group chat id) it went to. */
  recipient: string;
  message: OutgoingMessage;
  /** The message as the terminal chat would print it. */
  text: string;
  reply: boolean;
}

export class RecordingMessenger implements Messenger {
  readonly received: Received[] = [];
  readonly limits: MessengerLimits;

  /** `platform`: a second fake transport plays DingTalk (or any platform) with no handler change. */
  constructor(
    readonly platform: Platform = 'local',
    limits: Partial<MessengerLimits> = {},
  ) {
    this.limits = { maxBytes: 4096, perMinute: 1000, perHour: 100_000, groupChats: true, ...limits };
  }

  dropsDuplicates(): boolean {
    return false;
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const recipient = 'account' in delivery.to ? delivery.to.account : delivery.to.chat.id;
    const text = `${delivery.resend ? `${RESEND_MARK}\n` : ''}${renderAsText(delivery.message)}`;
    this.received.push({ recipient, message: delivery.message, text, reply: delivery.reply });
    return { ok: true, platformMsgId: `test-${delivery.outboxId}` };
  }

  /** Everything delivered to one account (or chat), oldest first. */
  to(recipient: string): Received[] {
    return this.received.filter((item) => item.recipient === recipient);
  }

  clear(): void {
    this.received.length = 0;
  }
}
