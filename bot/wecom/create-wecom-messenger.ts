// The WeCom side of the outbox (bot/outbox/messenger.ts): one outbox row → WeCom API calls.
// Text and markdown over WeCom's 2,048-byte limit go as several messages, never truncated
// (发送应用消息: text and markdown content "最长不超过2048个字节"); task cards keep the
// response_code WeCom returns, so the sender stores it for later updates of that card.
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../clock.js';
import type { Delivery, DeliveryResult, Messenger } from '../outbox/messenger.js';
import { buildTaskCard } from './build-task-card.js';
import { classifyWecomFailure } from './classify-wecom-failure.js';
import type { WecomApi } from './create-wecom-api.js';
import { sendAppMessage } from './send-app-message.js';
import { sendToGroupChat } from './send-to-group-chat.js';
import { splitByBytes } from './split-by-bytes.js';
import { updateTaskCard } from './update-task-card.js';
import { WecomApiError } from './wecom-api-error.js';

const MESSAGE_BYTES = 2048;

export interface WecomMessengerDeps {
  api: WecomApi;
  prisma: Db;
  agentId: number;
  clock: Clock;
}

export function createWecomMessenger({ api, prisma, agentId, clock }: WecomMessengerDeps): Messenger {
  async function deliverOrThrow(delivery: Delivery): Promise<DeliveryResult> {
    const { recipient, message } = delivery;
    if (delivery.toChat) return sendToGroupChat(api, prisma, delivery);
    switch (message.kind) {
      case 'text':
      case 'markdown': {
        let msgid: string | undefined;
        for (const part of splitByBytes(message.text, MESSAGE_BYTES)) {
          ({ msgid } = await sendAppMessage(api, agentId, recipient, { msgtype: message.kind, [message.kind]: { content: part } }));
        }
        return { ok: true, platformMsgId: msgid };
      }
      case 'card':
        try {
          const sent = await sendAppMessage(api, agentId, recipient, { msgtype: 'template_card', template_card: buildTaskCard(message.card, delivery.outboxId) });
          return { ok: true, platformMsgId: sent.msgid, responseCode: sent.response_code };
        } catch (error) {
          // The task_id names this outbox row: "already exists" means an earlier try got through.
          if (error instanceof WecomApiError && error.errcode === 42014) return { ok: true };
          throw error;
        }
      case 'card_update':
        return updateTaskCard(api, prisma, agentId, { recipient, taskId: message.taskId, status: message.status, card: message.card, outboxId: delivery.outboxId }, clock.now());
    }
  }

  return {
    platform: 'wecom',
    async deliver(delivery) {
      try {
        return await deliverOrThrow(delivery);
      } catch (error) {
        return classifyWecomFailure(error);
      }
    },
  };
}
