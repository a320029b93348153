// The one platform-neutral shape every transport turns its callbacks into (STYLE.md item 3).
// Stored as JSON in the Inbound table before it is processed, so dates travel as ISO strings.
import { z } from 'zod';

export const platforms = ['wecom', 'dingtalk', 'local'] as const;
export type Platform = (typeof platforms)[number];

/** Task card buttons (任务分送单): 报到/领受, 办结, 退回. */
export const cardActions = ['take', 'finish', 'return'] as const;
export type CardAction = (typeof cardActions)[number];

const base = {
  platform: z.enum(platforms),
  /** The sender's platform user id (WeCom userid; `Person.userid`). */
  sender: z.string().min(1),
  /** Unique per real-world message or click; platform retries repeat it. */
  dedupKey: z.string().min(1),
  /** When the platform says it happened (ISO 8601). */
  at: z.iso.datetime(),
};

export const incomingEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('text'), text: z.string() }),
  z.object({
    ...base,
    type: z.literal('card_action'),
    taskId: z.number().int().positive(),
    action: z.enum(cardActions),
    /** Platform handle for updating the clicked card (WeCom ResponseCode). */
    responseCode: z.string().optional(),
  }),
  /** The person opened the bot (WeCom enter_agent). */
  z.object({ ...base, type: z.literal('enter') }),
  /** Anything else (images, voice, locations…): answered with a polite "not supported". */
  z.object({ ...base, type: z.literal('unsupported'), what: z.string() }),
]);

export type IncomingEvent = z.infer<typeof incomingEventSchema>;
