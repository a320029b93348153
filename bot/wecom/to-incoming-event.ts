// Turns a decrypted WeCom callback message into the one platform-neutral incoming event
// (docs/architecture.md). Field names follow WeCom docs: 接收消息 (text and other messages) and
// 接收事件 (enter_agent, template_card_event 模板卡片事件推送).
import { z } from 'zod';
import type { IncomingEvent } from '../../core/messages.js';
import { decodeCardButtonKey } from './card-button-key.js';

/** A card click's ResponseCode: WeCom's single-use handle for updating that person's card. */
export interface CardClickHandle {
  cardKey: string;
  account: string;
  handle: string;
  issuedAt: Date;
}

export type Converted =
  | { ok: true; event: IncomingEvent; cardHandle?: CardClickHandle }
  /** A valid notification nobody typed (e.g. automatic LOCATION reports): answered, not processed. */
  | { ok: true; event: null; ignored: string }
  | { ok: false; reason: string };

const messageSchema = z.looseObject({
  ToUserName: z.string().min(1),
  FromUserName: z.string().min(1).max(64),
  CreateTime: z.string().regex(/^\d{1,12}$/),
  MsgType: z.string().min(1).max(64),
  MsgId: z
    .string()
    .regex(/^\d{1,32}$/)
    .optional(),
  Content: z.string().max(16_384).optional(),
  Event: z.string().max(64).optional(),
  EventKey: z.string().max(1024).optional(),
  TaskId: z.string().max(128).optional(),
  ResponseCode: z.string().max(1024).optional(),
});

/** Events WeCom sends on its own; answering them would spam people (接收事件). */
const SILENT_EVENTS = new Set(['LOCATION', 'unsubscribe', 'change_contact', 'batch_job_result', 'view', 'view_miniprogram']);

export function toIncomingEvent(fields: Record<string, unknown>): Converted {
  const parsed = messageSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `invalid message field ${issue.path.join('.')}: ${issue.message}` };
  }
  const message = parsed.data;
  const base = {
    platform: 'wecom' as const,
    account: message.FromUserName,
    at: new Date(Number(message.CreateTime) * 1000).toISOString(),
  };
  if (message.MsgType !== 'event') {
    // Messages carry MsgId, the documented key for dropping WeCom's retries.
    if (!message.MsgId) return { ok: false, reason: 'message without MsgId' };
    const dedupKey = `msg:${message.MsgId}`;
    if (message.MsgType === 'text') {
      if (message.Content === undefined) return { ok: false, reason: 'text message without Content' };
      return { ok: true, event: { ...base, dedupKey, type: 'text', text: message.Content } };
    }
    return { ok: true, event: { ...base, dedupKey, type: 'unsupported', what: message.MsgType } };
  }
  const name = message.Event;
  if (!name) return { ok: false, reason: 'event without Event' };
  // Events have no MsgId. Two clicks in the same second differ in EventKey, TaskId or ResponseCode.
  const dedupKey = ['event', message.FromUserName, message.CreateTime, name, message.EventKey ?? '', message.TaskId ?? '', message.ResponseCode ?? ''].join(
    ':',
  );
  if (SILENT_EVENTS.has(name)) return { ok: true, event: null, ignored: name };
  if (name === 'enter_agent' || name === 'subscribe') return { ok: true, event: { ...base, dedupKey, type: 'enter' } };
  if (name === 'template_card_event') {
    const button = decodeCardButtonKey(message.EventKey ?? '');
    if (button) {
      const event: IncomingEvent = { ...base, dedupKey, type: 'card_action', ...button };
      if (!message.ResponseCode) return { ok: true, event };
      return {
        ok: true,
        event,
        cardHandle: { cardKey: button.cardKey, account: message.FromUserName, handle: message.ResponseCode, issuedAt: new Date(base.at) },
      };
    }
  }
  return { ok: true, event: { ...base, dedupKey, type: 'unsupported', what: name } };
}
