// Updates a card already sent to one person (WeCom docs, 更新模版卡片消息). A card with buttons
// left (after 报到: 办结 and 退回) replaces the old one — 更新为新的卡片 — so its buttons keep
// working; a final card's buttons become one unclickable status line, e.g. "已办结 · 王某 · 10:03"
// (更新按钮为不可点击状态). Updating needs a response_code: message/send returns one, and each
// click on the card brings a fresh one. A code works once and expires after 72 hours; with none
// left (60140: used or expired), the person gets the status as a short text instead.
import type { Db } from '../../prisma/open-database.js';
import type { Card } from '../../core/messages.js';
import { findCardHandle } from '../transport/card-handles.js';
import type { DeliveryResult } from '../transport/messenger.js';
import { buildTaskCard } from './build-task-card.js';
import type { WecomApi } from './create-wecom-api.js';
import { sendAppMessage } from './send-app-message.js';
import { WecomApiError } from './wecom-api-error.js';

const CODE_LIFETIME_MS = 72 * 3600_000;

export interface CardUpdate {
  account: string;
  card: Card;
  status: string;
  outboxId: bigint;
}

export async function updateTaskCard(api: WecomApi, prisma: Db, agentId: number, update: CardUpdate, now: Date): Promise<DeliveryResult> {
  // The newest code first; one WeCom no longer honours (60140) is spent, so the next is tried.
  for (let tries = 0; tries < 3; tries += 1) {
    const code = await findCardHandle(prisma, {
      platform: 'wecom',
      cardKey: update.card.key,
      account: update.account,
      since: new Date(now.getTime() - CODE_LIFETIME_MS),
      spend: true,
    });
    if (!code) break;
    try {
      await api.post('message/update_template_card', {
        userids: [update.account],
        agentid: agentId,
        response_code: code,
        ...(update.card.buttons.length > 0
          ? { template_card: { ...buildTaskCard(update.card, update.outboxId), replace_text: update.status } }
          : { button: { replace_name: update.status } }),
      });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof WecomApiError && error.errcode === 60140)) throw error;
    }
  }
  const commands = update.card.buttons.map((button) => `「${button.command}」`).join(' ');
  const sent = await sendAppMessage(api, agentId, update.account, {
    msgtype: 'text',
    text: { content: `${update.card.title}：${update.status}${commands ? `\n可发送 ${commands}` : ''}` },
  });
  return { ok: true, platformMsgId: sent.msgid };
}
