// The platform-neutral message shapes (docs/architecture.md): what a transport turns its
// callbacks into (IncomingEvent, stored as JSON in Inbound before it is processed) and what the
// bot sends (OutgoingMessage, stored in Outbox). No platform handle (WeCom response codes,
// DingTalk outTrackId) appears here: each adapter keeps its own in the CardHandle table.
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../domain/import/read-import-sheet.js';

/**
 * A chat platform's name as stored (Account.platform, Inbound, Outbox): `wecom`, `dingtalk`, `local`, or a
 * plugged-in one. Which names exist is the registry's business (bot/platforms.ts), not this shape's.
 */
export type Platform = string;

/** A button on a card. `input` asks the person to type something first (e.g. 退回's reason). */
export interface CardButton {
  /** Stable within the card, e.g. `take`; comes back as `buttonId`. */
  id: string;
  text: string;
  style: 'primary' | 'default' | 'danger';
  input?: { placeholder: string };
  /** The text command that does the same, for a platform or chat that cannot show buttons (e.g. `报到 T34`). */
  command: string;
}

/** An interactive card, e.g. a task card (任务分送单). */
export interface Card {
  /** Names the card across platforms and updates, e.g. `call:34`; comes back as `cardKey`. */
  key: string;
  title: string;
  /** Label/value lines. */
  fields: { label: string; value: string }[];
  /** No buttons: the card is final. */
  buttons: CardButton[];
}

export type OutgoingMessage =
  | { kind: 'text'; text: string }
  | { kind: 'markdown'; title: string; text: string }
  | { kind: 'card'; card: Card }
  /**
   * Replaces the card with key `card.key` that this recipient received. `status` is one short line
   * (e.g. "已报到 · 王某 · 10:03"): shown on the card, and sent as text instead when the platform
   * can no longer update that card (a spent or expired handle).
   */
  | { kind: 'card_update'; card: Card; status: string }
  /**
   * A file, e.g. the 台账 workbook. `name` is what people see (WeCom shows the upload's filename). Queued
   * to one person it may travel base64 in the outbox row; to many, it is stored once (StoredFileMessage).
   */
  | { kind: 'file'; name: string; /** base64 */ content: string }
  /**
   * A picture shown in the chat, e.g. a digest's chart (a PNG, core/charts/render-chart-png.ts). Travels like
   * a file; `name` is the upload's filename, which no platform shows for a picture.
   */
  | { kind: 'image'; name: string; /** base64 PNG */ content: string };

/**
 * A file or picture queued to many readers (the 22nd's 台账, a digest's chart): its bytes are stored once in
 * OutboxFile and each reader's outbox row names them by id; the sender reads them when it sends
 * (bot/outbox/send-pending.ts), so a transport only ever sees an OutgoingMessage (issue 20, issue 19 item 4).
 */
export interface StoredFileMessage {
  kind: 'file' | 'image';
  name: string;
  fileId: string;
}

/** What an outbox row's payload holds. */
export type QueuedMessage = OutgoingMessage | StoredFileMessage;

const base = {
  platform: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  /** The sender's account on that platform (WeCom userid, DingTalk userId, local name). */
  account: z.string().min(1).max(128),
  /** Unique per real-world message or click; platform retries repeat it. */
  dedupKey: z.string().min(1).max(512),
  /** When the platform says it happened (ISO 8601). */
  at: z.iso.datetime(),
};

/** No NUL: PostgreSQL's JSON refuses it, and no person types it. */
const text = z
  .string()
  .max(16_384)
  .refine((value) => !value.includes('\u0000'), 'contains NUL');

export const incomingEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), text }),
  z.object({
    ...base,
    type: z.literal('card_action'),
    cardKey: z.string().min(1).max(128),
    buttonId: z.string().min(1).max(64),
    /** What the person typed into the button's input, if it asked for one. */
    input: text.optional(),
  }),
  /**
   * A file the person sent (a ledger to import, docs/domain.md "Importing a ledger"). `content` is the file,
   * base64, when it came with the message (the local chat) and is at most MAX_IMPORT_BYTES; a larger one
   * comes with its name and size only, to be refused. A platform's file comes as `download`, the platform's
   * handle to read it later (DingTalk's downloadCode), and `size` 0 when the platform does not say.
   */
  z.object({
    ...base,
    type: z.literal('file'),
    name: z.string().min(1).max(255),
    size: z.number().int().nonnegative(),
    content: z
      .string()
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .optional(),
    download: z.string().min(1).max(2048).optional(),
  }),
  /** The person opened the bot (WeCom enter_agent). */
  z.object({ ...base, type: z.literal('enter') }),
  /** Anything else (images, voice, locations…): answered with a polite "not supported". */
  z.object({ ...base, type: z.literal('unsupported'), what: z.string().max(64) }),
]);

export type IncomingEvent = z.infer<typeof incomingEventSchema>;
