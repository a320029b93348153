// Updates a task card already sent to one person (WeCom docs, 更新模版卡片消息). With a new card
// (after 报到: the status and the 办结/退回 buttons) the card is replaced — 更新为新的卡片 — so
// its buttons keep working; otherwise the buttons become one unclickable status line, e.g.
// "已办结 · 王某 · 10:03" (更新按钮为不可点击状态). Updating needs
// a response_code: message/send returns one, and each click on the card brings a fresh one. A code
// works once and expires after 72 hours; 60140 means it is used or expired, so there is nothing
// left to update — done, not a failure.
import type { Db } from '../../prisma/open-database.js';
import type { DeliveryResult } from '../outbox/messenger.js';
import type { TaskCard } from '../outgoing-message.js';
import { buildTaskCard } from './build-task-card.js';
import type { WecomApi } from './create-wecom-api.js';
import { WecomApiError } from './wecom-api-error.js';

const CODE_LIFETIME_MS = 72 * 3600_000;

export interface CardUpdate {
  recipient: string;
  taskId: number;
  status: string;
  card?: TaskCard;
  outboxId: bigint;
}

export async function updateTaskCard(api: WecomApi, prisma: Db, agentId: number, update: CardUpdate, now: Date): Promise<DeliveryResult> {
  const code = await findResponseCode(prisma, update, new Date(now.getTime() - CODE_LIFETIME_MS));
  if (!code) return { ok: true };
  try {
    await api.post('message/update_template_card', {
      userids: [update.recipient],
      agentid: agentId,
      response_code: code,
      ...(update.card
        ? { template_card: { ...buildTaskCard(update.card, update.outboxId), replace_text: update.status } }
        : { button: { replace_name: update.status } }),
    });
  } catch (error) {
    if (!(error instanceof WecomApiError && error.errcode === 60140)) throw error;
  }
  // Stored on this card_update row, which marks the code as spent.
  return { ok: true, responseCode: code };
}

/** The newest unspent code for this person's card: from the send, or from a click on it (its CreateTime). */
async function findResponseCode(prisma: Db, { recipient, taskId }: CardUpdate, since: Date): Promise<string | undefined> {
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    SELECT code FROM (
      SELECT "responseCode" AS code, "sentAt" AS at FROM "Outbox"
      WHERE recipient = ${recipient} AND "taskId" = ${taskId} AND kind = 'card' AND status = 'sent'
        AND "toChat" = false AND "responseCode" IS NOT NULL
      UNION ALL
      SELECT event->>'responseCode', (event->>'at')::timestamptz AT TIME ZONE 'UTC' FROM "Inbound"
      WHERE platform = 'wecom' AND event->>'type' = 'card_action' AND event->>'sender' = ${recipient}
        AND event->>'taskId' = ${String(taskId)} AND event->>'responseCode' IS NOT NULL
    ) AS issued
    WHERE at > ${since} AND code NOT IN (
      SELECT "responseCode" FROM "Outbox"
      WHERE recipient = ${recipient} AND kind = 'card_update' AND status = 'sent' AND "responseCode" IS NOT NULL
    )
    ORDER BY at DESC
    LIMIT 1`;
  return rows[0]?.code;
}
