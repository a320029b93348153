// The adapters' own record of how to update a card they delivered (CardHandle): a WeCom
// response_code (single use, 72 hours — 更新模版卡片消息) or a DingTalk outTrackId. Handlers and the
// outbox know cards only by their neutral key.
import type { Db } from '../../prisma/open-database.js';
import type { Platform } from '../../core/messages.js';

export interface CardHandleKey {
  platform: Platform;
  cardKey: string;
  account: string;
}

export async function saveCardHandle(db: Db, key: CardHandleKey & { handle: string; issuedAt: Date }): Promise<void> {
  await db.cardHandle.create({ data: key });
}

/**
 * The newest handle issued after `since`. With `spend`, it is marked used in the same statement,
 * so two updates can never use one single-use handle.
 */
export async function findCardHandle(db: Db, key: CardHandleKey & { since?: Date; spend: boolean }): Promise<string | null> {
  const since = key.since ?? new Date(0);
  if (!key.spend) {
    const row = await db.cardHandle.findFirst({
      where: { platform: key.platform, cardKey: key.cardKey, account: key.account, issuedAt: { gt: since } },
      orderBy: { issuedAt: 'desc' },
    });
    return row?.handle ?? null;
  }
  const rows = await db.$queryRaw<{ handle: string }[]>`
    UPDATE "CardHandle" SET "spentAt" = now() WHERE id = (
      SELECT id FROM "CardHandle"
      WHERE platform = ${key.platform} AND "cardKey" = ${key.cardKey} AND account = ${key.account}
        AND "spentAt" IS NULL AND "issuedAt" > ${since}
      ORDER BY "issuedAt" DESC LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING handle`;
  return rows[0]?.handle ?? null;
}
