// Structured logs (pino). Secrets and mobile numbers never reach a log: known fields are
// redacted, and every finished line — message, nested objects, an `event` payload, an error's
// message and stack — passes one mask before it is written (pino's streamWrite hook): mobile
// numbers, the configured secrets and any `access_token=` value. A mask on the message alone let
// a failing insert print a whole event with its mobile (issue 16).
import { pino, type Logger } from 'pino';
import { maskMobile } from '../domain/mask-mobile.js';

export type { Logger };

/** An 11-digit mainland mobile, alone or after 86/+86, optionally grouped 3-4-4 by spaces or dashes. */
const MOBILE = /(?:(?<!\d)|(?<=(?:^|\D)86))1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const ACCESS_TOKEN = /(access_token=)[^&\s"\\]+/g;

/** `13812340000` → `138****0000`, anywhere in a string. */
export function maskMobiles(text: string): string {
  return text.replace(MOBILE, (mobile) => maskMobile(mobile.replace(/[- ]/g, '')));
}

/** `secrets`: the configured credentials (bot/config.ts logSecrets), written as `[redacted]` wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream, secrets: string[] = []): Logger {
  // As they appear inside a JSON string; the longest first, so one that contains another goes whole.
  const quoted = secrets
    .filter((secret) => secret.length >= 6)
    .map((secret) => JSON.stringify(secret).slice(1, -1))
    .sort((a, b) => b.length - a.length);
  const mask = (line: string): string => {
    let masked = maskMobiles(line).replace(ACCESS_TOKEN, '$1[redacted]');
    for (const secret of quoted) masked = masked.split(secret).join('[redacted]');
    return masked;
  };
  return pino(
    {
      level,
      redact: {
        paths: ['secret', 'token', 'access_token', 'corpsecret', 'encodingAESKey', 'mobile', '*.secret', '*.token', '*.mobile', '*.access_token'],
        censor: '[redacted]',
      },
      hooks: { streamWrite: mask },
    },
    destination,
  );
}
