// The messenger used when no chat platform is configured: every delivery is published to the
// terminal chats connected to this server (bot/local/local-chat-routes.ts). A file (台账) or a picture (a
// digest's chart) cannot be shown in a terminal: it is written under `filesDir` (DATA_DIR/files,
// save-local-file.ts) and the chat shows where.
import { EventEmitter } from 'node:events';
import type { Db } from '../../prisma/open-database.js';
import { RESEND_MARK, type Delivery, type DeliveryResult, type Messenger } from '../transport/messenger.js';
import { renderAsText } from './render-as-text.js';
import { saveLocalFile } from './save-local-file.js';

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

  constructor(
    private readonly prisma: Db,
    private readonly filesDir: string,
  ) {}

  /** A terminal shows whatever it is sent. */
  dropsDuplicates(): boolean {
    return false;
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const { to, message } = delivery;
    const account =
      'account' in to
        ? await this.prisma.account.findUnique({ where: { platform_account: { platform: 'local', account: to.account } }, include: { person: true } })
        : null;
    let shown = renderAsText(message);
    if (message.kind === 'file' || message.kind === 'image') {
      try {
        shown = `${message.kind === 'file' ? '文件' : '图片'}已保存：${await saveLocalFile(this.filesDir, delivery.outboxId, message.name, Buffer.from(message.content, 'base64'))}`;
      } catch (error) {
        // A planted link or a directory of another user: retrying changes nothing, the admins are told.
        return { ok: false, retry: false, error: `cannot save ${message.name}: ${(error as Error).message}` };
      }
    }
    const local: LocalDelivery = {
      recipient: 'account' in to ? to.account : to.chat.id,
      name: 'account' in to ? (account?.person.name ?? to.account) : `群聊 ${to.chat.name}`,
      text: `${delivery.resend ? `${RESEND_MARK}\n` : ''}${shown}`,
    };
    this.deliveries.emit('delivery', local);
    return { ok: true, platformMsgId: `local-${delivery.outboxId}` };
  }
}
