// Turns a DingTalk push into the one platform-neutral incoming event (docs/architecture.md). Field
// names follow DingTalk's docs: 机器人接收消息 (the robot topic /v1.0/im/bot/messages/get, and the
// body of an HTTP-mode callback) and 卡片回传请求 (the card topic /v1.0/card/instances/callback,
// whose `content` is itself a JSON string). Anything that does not fit is refused with a reason
// and never stored; what is left — control characters, lone surrogates, the shape of an id — is
// the one check of `receive` for every platform (bot/inbound/sanitize-incoming-event.ts).
import { z } from 'zod';
import { AT_RANGE } from '../inbound/at-range.js';
import type { IncomingEvent } from '../../core/messages.js';
import { decodeCardTrackId } from './card-track-id.js';

export type Converted = { ok: true; event: IncomingEvent } | { ok: false; reason: string };

const robotMessageSchema = z.looseObject({
  msgId: z.string().min(1).max(256),
  msgtype: z.string().min(1).max(64),
  // Milliseconds; out of range, `new Date(createAt)` cannot be written as a date at all.
  createAt: z
    .number()
    .int()
    .min(AT_RANGE.min)
    .max(AT_RANGE.max - 1),
  // Absent for people outside the organisation, who cannot use the bot anyway.
  senderStaffId: z.string().min(1).max(128),
  conversationType: z.enum(['1', '2']),
  text: z.looseObject({ content: z.string().max(16_384) }).optional(),
  // A file's (msgtype file, 1:1 chats only) and a picture's handle; only a file has a name.
  content: z.looseObject({ downloadCode: z.string().min(1).max(2048).optional(), fileName: z.string().min(1).max(255).optional() }).optional(),
});

const cardCallbackSchema = z.looseObject({
  userId: z.string().min(1).max(128),
  outTrackId: z.string().min(1).max(256),
  content: z.string().max(65_536),
});

const cardContentSchema = z.looseObject({
  cardPrivateData: z.looseObject({
    actionIds: z.array(z.string().max(64)).default([]),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** A robot message. Group messages reach the bot only when it is @-mentioned; the mention is cut. */
export function robotMessageToEvent(data: unknown): Converted {
  const parsed = robotMessageSchema.safeParse(data);
  if (!parsed.success) return refuse('robot message', parsed.error);
  const message = parsed.data;
  const base = {
    platform: 'dingtalk' as const,
    account: message.senderStaffId,
    dedupKey: `msg:${message.msgId}`,
    at: new Date(message.createAt).toISOString(),
  };
  if (message.msgtype === 'file') {
    const { downloadCode, fileName } = message.content ?? {};
    if (!downloadCode || !fileName) return { ok: false, reason: 'file message without content.downloadCode and fileName' };
    // The size is known once the file is read (bot/dingtalk/download-message-file.ts).
    return { ok: true, event: { ...base, type: 'file', name: fileName, size: 0, download: downloadCode } };
  }
  if (message.msgtype !== 'text') return { ok: true, event: { ...base, type: 'unsupported', what: message.msgtype } };
  if (!message.text) return { ok: false, reason: 'text message without text.content' };
  return { ok: true, event: { ...base, type: 'text', text: stripMention(message.text.content, message.conversationType === '2') } };
}

/** A click on an interactive card; `dedupKey` is the push's own id (clicks carry none). */
export function cardCallbackToEvent(data: unknown, push: { messageId: string; at: Date }): Converted {
  const parsed = cardCallbackSchema.safeParse(data);
  if (!parsed.success) return refuse('card callback', parsed.error);
  const callback = parsed.data;
  const cardKey = decodeCardTrackId(callback.outTrackId);
  if (!cardKey) return { ok: false, reason: `card callback for an outTrackId this bot did not make` };
  let content: z.infer<typeof cardContentSchema>;
  try {
    const opened = cardContentSchema.safeParse(JSON.parse(callback.content));
    if (!opened.success) return refuse('card callback content', opened.error);
    content = opened.data;
  } catch {
    return { ok: false, reason: 'card callback content is not JSON' };
  }
  const { actionIds, params } = content.cardPrivateData;
  // The template returns the button's id as a parameter (README → DingTalk); a template that
  // names its actions after our button ids works too.
  const buttonId = typeof params.buttonId === 'string' ? params.buttonId : actionIds[0];
  if (!buttonId) return { ok: false, reason: 'card callback without buttonId or actionIds' };
  const input = typeof params.input === 'string' && params.input.trim() !== '' ? params.input.trim() : undefined;
  return {
    ok: true,
    event: {
      platform: 'dingtalk',
      account: callback.userId,
      dedupKey: `card:${push.messageId}`,
      at: push.at.toISOString(),
      type: 'card_action',
      cardKey,
      buttonId,
      ...(input !== undefined && { input }),
    },
  };
}

/** `@项目管家 报到 T34` → `报到 T34`: DingTalk may keep the robot's (and others') @names in front. */
function stripMention(content: string, group: boolean): string {
  const text = content.trim();
  return group ? text.replace(/^(?:@\S+\s+)+/u, '').trim() : text;
}

function refuse(what: string, error: z.ZodError): Converted {
  const issue = error.issues[0]!;
  return { ok: false, reason: `invalid ${what}: ${issue.path.join('.') || '(root)'} ${issue.message}` };
}
