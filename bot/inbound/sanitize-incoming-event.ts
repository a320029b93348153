// The one check every platform's event passes on its way in (app.receive), so a platform's
// validly signed payload is stored or refused — never a 5xx from the database, and the same text
// is treated alike on WeCom, DingTalk and the local chat (docs/architecture.md "Hostile input").
// - Free text (a message, a card's input, an unsupported kind's name, a file's name): control characters (C0 but
//   tab and line breaks, DEL, C1) and lone surrogates are the sender's client's noise: stripped.
//   PostgreSQL's JSON refuses NUL (22021) and a lone surrogate escape (22P02).
// - Identifiers (the sender's account, dedupKey, card key, button id): such characters mean the
//   payload is forged or corrupt, so the event is refused; each platform's accounts have the
//   shape its descriptor declares (bot/platforms.ts), which the roster import also checks.
// - The time it happened: within AT_RANGE, so no date arithmetic after this point throws.
import type { IncomingEvent } from '../../core/messages.js';
import { findPlatform } from '../platforms.js';
import { AT_RANGE } from './at-range.js';

export type Sanitized = { ok: true; event: IncomingEvent } | { ok: false; reason: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Card keys and button ids are the bot's own (`call:12`, `take`): printable ASCII. */
const OWN_KEY = /^[\x21-\x7e]+$/;

export function sanitizeIncomingEvent(event: IncomingEvent): Sanitized {
  const platform = typeof event.platform === 'string' ? findPlatform(event.platform) : undefined;
  if (!platform) return { ok: false, reason: 'platform is not a registered platform' };
  if (!(typeof event.account === 'string' && platform.accountPattern.test(event.account))) return refuse('account', event.platform);
  if (!isCleanIdentifier(event.dedupKey)) return refuse('dedupKey', event.platform);
  const at = typeof event.at === 'string' ? Date.parse(event.at) : Number.NaN;
  if (!(at >= AT_RANGE.min && at < AT_RANGE.max)) return { ok: false, reason: 'at is not a date between 2000 and 2100' };
  switch (event.type) {
    case 'text':
      return { ok: true, event: { ...event, text: stripNoise(event.text) } };
    case 'card_action':
      if (!(typeof event.cardKey === 'string' && OWN_KEY.test(event.cardKey))) return refuse('cardKey', event.platform);
      if (!(typeof event.buttonId === 'string' && OWN_KEY.test(event.buttonId))) return refuse('buttonId', event.platform);
      return { ok: true, event: event.input === undefined ? event : { ...event, input: stripNoise(event.input) } };
    case 'unsupported':
      return { ok: true, event: { ...event, what: stripNoise(event.what) } };
    case 'file':
      return { ok: true, event: { ...event, name: stripNoise(event.name) } };
    default:
      return { ok: true, event };
  }
}

/** Leaves anything but a string to the schema, which refuses it. */
function stripNoise<T>(value: T): T {
  return (typeof value === 'string' ? value.replace(CONTROL, '').replace(LONE_SURROGATE, '') : value) as T;
}

function isCleanIdentifier(value: unknown): boolean {
  return typeof value === 'string' && stripNoise(value) === value;
}

function refuse(field: string, platform: unknown): Sanitized {
  return { ok: false, reason: `${field} does not fit a ${String(platform)} identifier` };
}
