// The WeCom side of the outbox (bot/transport/messenger.ts): one outbox row → WeCom API calls.
// Limits (发送应用消息): text and markdown "最长不超过2048个字节", less the invisible row mark
// (send-app-message.ts); 30 messages a minute and 1,000 an hour per member, beyond which WeCom
// drops them silently. Group chats exist (appchat) where the app may use them; a file goes to
// each member instead (send-to-group-chat.ts refuses it, like a card). WeCom drops a resent
// duplicate on message/send only: not in group chats (appchat/send has no duplicate check), and not
// for a file or a picture, uploaded anew on each try under a new media_id. A resend there carries
// RESEND_MARK: in a file's name, and on a line of its own before a picture, which shows no name.
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../../core/clock.js';
import { saveCardHandle } from '../transport/card-handles.js';
import { RESEND_MARK, type Delivery, type DeliveryResult, type Messenger } from '../transport/messenger.js';
import { buildTaskCard } from './build-task-card.js';
import { classifyWecomFailure } from './classify-wecom-failure.js';
import type { WecomApi } from './create-wecom-api.js';
import { MARK_BYTES, markWithId, sendAppMessage } from './send-app-message.js';
import { RESEND_LINE_BYTES, sendToGroupChat } from './send-to-group-chat.js';
import { updateTaskCard } from './update-task-card.js';
import { WecomApiError } from './wecom-api-error.js';

export interface WecomMessengerDeps {
  api: WecomApi;
  prisma: Db;
  agentId: number;
  clock: Clock;
}

/** A text's bytes before WeCom's 2,048: room for the row mark and a resend's first line (send-to-group-chat.ts), and a few to spare. */
export const WECOM_TEXT_MAX_BYTES = 2048 - MARK_BYTES - RESEND_LINE_BYTES - 8;

export function createWecomMessenger({ api, prisma, agentId, clock }: WecomMessengerDeps): Messenger {
  async function deliverOrThrow({ to, message, outboxId, resend = false }: Delivery): Promise<DeliveryResult> {
    if ('chat' in to) return sendToGroupChat(api, prisma, to.chat, message, outboxId, resend);
    const { account } = to;
    switch (message.kind) {
      case 'text':
        return {
          ok: true,
          platformMsgId: (await sendAppMessage(api, agentId, account, { msgtype: 'text', text: { content: markWithId(message.text, outboxId) } })).msgid,
        };
      case 'markdown': {
        const content = markWithId(`**${message.title}**\n${message.text}`, outboxId);
        return { ok: true, platformMsgId: (await sendAppMessage(api, agentId, account, { msgtype: 'markdown', markdown: { content } })).msgid };
      }
      case 'card':
        try {
          const sent = await sendAppMessage(api, agentId, account, { msgtype: 'template_card', template_card: buildTaskCard(message.card, outboxId) });
          if (sent.response_code)
            await saveCardHandle(prisma, { platform: 'wecom', cardKey: message.card.key, account, handle: sent.response_code, issuedAt: clock.now() });
          return { ok: true, platformMsgId: sent.msgid };
        } catch (error) {
          // The task_id names this outbox row: "already exists" means an earlier try got through.
          if (error instanceof WecomApiError && error.errcode === 42014) return { ok: true };
          throw error;
        }
      case 'card_update':
        return updateTaskCard(api, prisma, agentId, { account, card: message.card, status: message.status, outboxId }, clock.now());
      case 'file': {
        // Uploaded anew on each try: a media_id lives 3 days, a retry may come later (上传临时素材).
        const name = resend ? `${RESEND_MARK}${message.name}` : message.name;
        const { media_id } = await api.upload('file', name, Buffer.from(message.content, 'base64'));
        return { ok: true, platformMsgId: (await sendAppMessage(api, agentId, account, { msgtype: 'file', file: { media_id } })).msgid };
      }
      case 'image': {
        // 发送应用消息 → 图片消息: a media_id from media/upload?type=image, uploaded anew on each try like a file.
        if (resend) await sendAppMessage(api, agentId, account, { msgtype: 'text', text: { content: markWithId(`${RESEND_MARK}${message.name}`, outboxId) } });
        const { media_id } = await api.upload('image', message.name, Buffer.from(message.content, 'base64'));
        return { ok: true, platformMsgId: (await sendAppMessage(api, agentId, account, { msgtype: 'image', image: { media_id } })).msgid };
      }
    }
  }

  return {
    platform: 'wecom',
    limits: { maxBytes: WECOM_TEXT_MAX_BYTES, perMinute: 30, perHour: 1000, groupChats: true },
    dropsDuplicates: ({ to, message }) => !('chat' in to) && message.kind !== 'file' && message.kind !== 'image',
    async deliver(delivery) {
      try {
        return await deliverOrThrow(delivery);
      } catch (error) {
        return classifyWecomFailure(error);
      }
    },
  };
}
