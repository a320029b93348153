// A messenger that delivers into a list, so tests can assert who received what.
import type { Delivery, DeliveryResult, Messenger } from '../../bot/outbox/messenger.js';
import type { OutgoingMessage } from '../../bot/outgoing-message.js';
import { renderAsText } from '../../bot/local/render-as-text.js';

export interface Received {
  recipient: string;
  message: OutgoingMessage;
  /** The message as the terminal chat would print it. */
  text: string;
}

export class RecordingMessenger implements Messenger {
  readonly platform = 'local' as const;
  readonly received: Received[] = [];

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    this.received.push({ recipient: delivery.recipient, message: delivery.message, text: renderAsText(delivery.message) });
    return { ok: true, platformMsgId: `test-${delivery.outboxId}` };
  }

  /** Everything delivered to one person (or chat), oldest first. */
  to(recipient: string): Received[] {
    return this.received.filter((item) => item.recipient === recipient);
  }

  clear(): void {
    this.received.length = 0;
  }
}
