// Structured logs (pino). Secrets and mobile numbers never reach a log: known fields are
// redacted, and any 11-digit mainland mobile number in a message is masked.
import { pino, type Logger } from 'pino';

export type { Logger };

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** `13812340000` → `138****0000`, anywhere in a string. */
export function maskMobiles(text: string): string {
  return text.replace(MOBILE, '$1****$2');
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['secret', 'token', 'access_token', 'corpsecret', 'encodingAESKey', 'mobile', '*.secret', '*.token', '*.mobile', '*.access_token'],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskMobiles(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
