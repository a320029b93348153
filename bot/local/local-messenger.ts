// The messenger used when no chat platform is configured: every delivery is published to the
// terminal chats connected to this server (bot/local/local-chat-routes.ts).
import { EventEmitter } from 'node:events';
import type { Db } from '../../prisma/open-database.js';
import type { Delivery, DeliveryResult, Messenger } from '../transport/messenger.js';
import { renderAsText } from './render-as-text.js';

export interface LocalDelivery {
  /** The local account (e.g. `window`), or the group chat id. */
  recipient: string;
  name: string;
  text: string;
}

export class LocalMessenger implements Messenger {
  readonly platform = 'local' as const;
  /** A terminal shows anything; the limits only keep the local chat as readable as a phone. */
  readonly limits = { maxBytes: 4096, perMinute: 60, perHour: 2000, groupChats: false };
  readonly deliveries = new EventEmitter();

  constructor(private readonly prisma: Db) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const { to } = delivery;
    const account = 'account' in to ? await this.prisma.account.findUnique({ where: { platform_account: { platform: 'local', account: to.account } }, include: { person: true } }) : null;
    const local: LocalDelivery = {
      recipient: 'account' in to ? to.account : to.chat.id,
      name: 'account' in to ? (account?.person.name ?? to.account) : `群聊 ${to.chat.name}`,
      text: renderAsText(delivery.message),
    };
    this.deliveries.emit('delivery', local);
    return { ok: true, platformMsgId: `local-${delivery.outboxId}` };
  }
}
