// The messenger used when no chat platform is configured: every delivery is published to the
// terminal chats connected to this server (bot/local/local-chat-routes.ts). A file (台账) cannot be
// shown in a terminal: it is written under `filesDir` and the chat shows where.
import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Db } from '../../prisma/open-database.js';
import { RESEND_MARK, type Delivery, type DeliveryResult, type Messenger } from '../transport/messenger.js';
import { renderAsText } from './render-as-text.js';

export interface LocalDelivery {
  /** The local account (e.g. `window`), or the group chat id. */
  recipient: string;
  name: string;
  text: string;
}

export const LOCAL_FILES_DIR = join(tmpdir(), 'xiangmu-guanjia-files');

export class LocalMessenger implements Messenger {
  readonly platform = 'local' as const;
  /** A terminal shows anything; the limits only keep the local chat as readable as a phone. */
  readonly limits = { maxBytes: 4096, perMinute: 60, perHour: 2000, groupChats: false };
  readonly deliveries = new EventEmitter();

  constructor(
    private readonly prisma: Db,
    private readonly filesDir = LOCAL_FILES_DIR,
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
    const local: LocalDelivery = {
      recipient: 'account' in to ? to.account : to.chat.id,
      name: 'account' in to ? (account?.person.name ?? to.account) : `群聊 ${to.chat.name}`,
      text: `${delivery.resend ? `${RESEND_MARK}\n` : ''}${message.kind === 'file' ? `文件已保存：${await this.saveFile(delivery.outboxId, message.name, message.content)}` : renderAsText(message)}`,
    };
    this.deliveries.emit('delivery', local);
    return { ok: true, platformMsgId: `local-${delivery.outboxId}` };
  }

  /** One directory per outbox row, so two ledgers of one day never overwrite each other; the name stays as sent. */
  private async saveFile(outboxId: bigint, name: string, base64: string): Promise<string> {
    const dir = join(this.filesDir, String(outboxId));
    await mkdir(dir, { recursive: true });
    const path = join(dir, basename(name));
    await writeFile(path, Buffer.from(base64, 'base64'));
    return path;
  }
}
