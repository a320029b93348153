// The messenger used when no chat platform is configured: every delivery is published to the
// terminal chats connected to this server (bot/local/local-chat-routes.ts).
import { EventEmitter } from 'node:events';
import type { Db } from '../../prisma/open-database.js';
import type { Delivery, DeliveryResult, Messenger } from '../outbox/messenger.js';
import { renderAsText } from './render-as-text.js';

export interface LocalDelivery {
  recipient: string;
  name: string;
  text: string;
}

export class LocalMessenger implements Messenger {
  readonly platform = 'local' as const;
  readonly deliveries = new EventEmitter();

  constructor(private readonly prisma: Db) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const person = delivery.toChat ? null : await this.prisma.person.findUnique({ where: { userid: delivery.recipient } });
    const local: LocalDelivery = {
      recipient: delivery.recipient,
      name: delivery.toChat ? `群聊 ${delivery.recipient}` : (person?.name ?? delivery.recipient),
      text: renderAsText(delivery.message),
    };
    this.deliveries.emit('delivery', local);
    return { ok: true, platformMsgId: `local-${delivery.outboxId}` };
  }
}
