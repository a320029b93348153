// The DingTalk side of the outbox (bot/transport/messenger.ts): one outbox row → DingTalk API
// calls. Text and markdown go as robot messages (sampleText, sampleMarkdown); cards as
// interactive cards when a template is configured and clicks can come back (Stream mode),
// otherwise as markdown listing the text commands; a card update changes the card in place, or
// arrives as a line of text when there is no card to update. A file is uploaded to oapi's
// media/upload and sent as sampleFile; a picture (a digest's chart) uploaded as an image and sent as
// sampleImageMsg. DingTalk drops no duplicate: a resend after an unknown outcome shows RESEND_MARK
// first (markForResend; before a picture, which shows no name, as a line of its own), so nobody takes it
// for a new message.
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { OutgoingMessage } from '../../core/messages.js';
import { RESEND_MARK, type Delivery, type DeliveryResult, type Messenger, type MessengerLimits } from '../transport/messenger.js';
import { classifyDingtalkFailure, QUOTA_EXCEEDED } from './classify-dingtalk-failure.js';
import type { DingtalkApi } from './create-dingtalk-api.js';
import { deliverInteractiveCard, updateInteractiveCard, type CardTarget } from './deliver-interactive-card.js';
import { renderCardAsMarkdown } from './render-card-as-markdown.js';
import { sendToGroup, sendToPerson, type RobotMessage } from './send-robot-message.js';

/**
 * - maxBytes: DingTalk documents no byte limit for sampleText/sampleMarkdown (机器人发送消息的类型);
 *   5,000 bytes keeps one message to about a screen and well under the 20 KB body its robots accept.
 * - perMinute: 每个机器人每分钟最多发送20条, beyond which a robot is throttled for 10 minutes
 *   (自定义机器人发送群消息 → 消息发送频率限制); flowControlledStaffIdList is the enterprise robot's
 *   form of the same. perHour: 1,000, as for WeCom, far below any organisation's monthly quota.
 * - groupChats: false. A robot posts to a group DingTalk created (its openConversationId); the bot
 *   does not create DingTalk groups yet, so a project chat's messages go to each member.
 */
export const DINGTALK_LIMITS: MessengerLimits = { maxBytes: 5000, perMinute: 20, perHour: 1000, groupChats: false };

export interface DingtalkMessengerDeps {
  api: DingtalkApi;
  prisma: Db;
  clock: Clock;
  logger: Logger;
  robotCode: string;
  /** Set only when card clicks can come back (a template and Stream mode). */
  cardTemplateId: string | undefined;
}

export function createDingtalkMessenger(deps: DingtalkMessengerDeps): Messenger {
  const { api, robotCode } = deps;

  function target(delivery: Delivery): CardTarget {
    return 'account' in delivery.to ? { id: delivery.to.account, space: 'IM_ROBOT' } : { id: delivery.to.chat.id, space: 'IM_GROUP' };
  }

  function send(to: CardTarget, message: RobotMessage): Promise<DeliveryResult> {
    return to.space === 'IM_ROBOT' ? sendToPerson(api, robotCode, to.id, message) : sendToGroup(api, robotCode, to.id, message);
  }

  async function deliverOrThrow(delivery: Delivery): Promise<DeliveryResult> {
    const to = target(delivery);
    const message = delivery.resend ? markForResend(delivery.message) : delivery.message;
    switch (message.kind) {
      case 'text':
        return send(to, { msgKey: 'sampleText', msgParam: { content: message.text } });
      case 'markdown':
        return send(to, { msgKey: 'sampleMarkdown', msgParam: { title: message.title, text: message.text } });
      case 'card':
        if (deps.cardTemplateId) {
          const card = { api, prisma: deps.prisma, robotCode, templateId: deps.cardTemplateId, now: deps.clock.now() };
          return deliverInteractiveCard(card, to, message.card, delivery.outboxId);
        }
        return send(to, { msgKey: 'sampleMarkdown', msgParam: renderCardAsMarkdown(message.card) });
      case 'file': {
        // Uploaded anew on each try (上传媒体文件), then sent as sampleFile (机器人发送消息的类型).
        const { media_id } = await api.upload('file', message.name, Buffer.from(message.content, 'base64'));
        const fileType = /\.([A-Za-z0-9]+)$/.exec(message.name)?.[1]?.toLowerCase() ?? 'file';
        return send(to, { msgKey: 'sampleFile', msgParam: { mediaId: media_id, fileName: message.name, fileType } });
      }
      case 'image': {
        // 机器人发送消息的类型 → sampleImageMsg: photoURL takes the media_id of an uploaded image (上传媒体文件, type=image).
        if (delivery.resend) {
          const marked = await send(to, { msgKey: 'sampleText', msgParam: { content: message.name } });
          if (!marked.ok) return marked;
        }
        const { media_id } = await api.upload('image', message.name, Buffer.from(message.content, 'base64'));
        return send(to, { msgKey: 'sampleImageMsg', msgParam: { photoURL: media_id } });
      }
      case 'card_update': {
        const asText = () => send(to, { msgKey: 'sampleText', msgParam: { content: message.status } });
        if (!deps.cardTemplateId) return asText();
        try {
          return (await updateInteractiveCard({ api, prisma: deps.prisma }, to.id, message.card, message.status)) ?? (await asText());
        } catch (error) {
          // A card DingTalk no longer updates (deleted, template changed): the person still learns
          // the outcome. Temporary failures and the quota go back to the sender as they are.
          const failure = classifyDingtalkFailure(error);
          if (failure.retry || failure.error.startsWith(QUOTA_EXCEEDED)) throw error;
          deps.logger.info({ cardKey: message.card.key, error: failure.error }, 'dingtalk card not updatable; status sent as text');
          return asText();
        }
      }
    }
  }

  return {
    platform: 'dingtalk',
    limits: DINGTALK_LIMITS,
    dropsDuplicates: () => false,
    async deliver(delivery) {
      let result: DeliveryResult;
      try {
        result = await deliverOrThrow(delivery);
      } catch (error) {
        result = classifyDingtalkFailure(error);
        // A group DingTalk refuses for good (robot not in it, unknown conversation): the sender
        // falls back to each member. Not for the quota, which refuses the members just as well.
        if (!result.retry && 'chat' in delivery.to && !result.error.startsWith(QUOTA_EXCEEDED)) result = { ...result, groupRefused: true };
      }
      if (!result.ok) deps.logger.warn({ outboxId: String(delivery.outboxId), retry: result.retry, error: result.error }, 'dingtalk delivery failed');
      return result;
    },
  };
}

/** The mark where a reader sees it first: a text's first line, a markdown's title and first line, a card's title, a file's name. */
function markForResend(message: OutgoingMessage): OutgoingMessage {
  switch (message.kind) {
    case 'text':
      return { ...message, text: `${RESEND_MARK}\n${message.text}` };
    case 'markdown':
      // The title shows in the notification only; the text is what the chat shows.
      return { ...message, title: `${RESEND_MARK}${message.title}`, text: `${RESEND_MARK}\n\n${message.text}` };
    case 'card':
      return { ...message, card: { ...message.card, title: `${RESEND_MARK}${message.card.title}` } };
    case 'card_update':
      return { ...message, status: `${RESEND_MARK}${message.status}` };
    case 'file':
    case 'image':
      return { ...message, name: `${RESEND_MARK}${message.name}` };
  }
}
