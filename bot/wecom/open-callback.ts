// Verify → decrypt → parse, for both kinds of WeCom callback request (WeCom docs, 回调配置):
// the URL verification GET (answer the decrypted echostr) and a message POST (an XML envelope
// whose <Encrypt> holds the message). Pure: bad input becomes a status and a reason, never a throw.
import type { WecomConfig } from './load-wecom-config.js';
import { checkTimestamp, type Refusal } from './check-timestamp.js';
import { verifySignature } from './verify-signature.js';
import { decryptMessage } from './decrypt-message.js';
import { parseCallbackXml } from './parse-callback-xml.js';
import { toIncomingEvent, type Converted } from './to-incoming-event.js';

type Keys = Pick<WecomConfig, 'token' | 'encodingAesKey' | 'corpId'>;
type Query = Record<string, string | string[] | undefined>;

/** `now` is the server's clock, against which the request's timestamp is checked. */
export function openUrlVerification(keys: Keys, query: Query, now: Date): { ok: true; echo: string } | Refusal {
  const echostr = single(query.echostr);
  if (!echostr) return { ok: false, status: 400, reason: 'no echostr' };
  const opened = verifyAndDecrypt(keys, query, echostr, now);
  return opened.ok ? { ok: true, echo: opened.plaintext } : opened;
}

export function openCallback(keys: Keys, query: Query, body: string, now: Date): Exclude<Converted, { ok: false }> | Refusal {
  const envelope = parseCallbackXml(body);
  if (!envelope.ok) return { ok: false, status: 400, reason: envelope.reason };
  const encrypted = envelope.fields.Encrypt;
  if (typeof encrypted !== 'string' || encrypted === '') return { ok: false, status: 400, reason: 'no <Encrypt> in the envelope' };
  const opened = verifyAndDecrypt(keys, query, encrypted, now);
  if (!opened.ok) return opened;
  const message = parseCallbackXml(opened.plaintext);
  if (!message.ok) return { ok: false, status: 400, reason: `decrypted ${message.reason}` };
  const converted = toIncomingEvent(message.fields);
  if (!converted.ok) return { ok: false, status: 400, reason: converted.reason };
  if (converted.event && Buffer.byteLength(converted.event.dedupKey) > MAX_DEDUP_KEY_BYTES) {
    return { ok: false, status: 400, reason: `message identifiers over ${MAX_DEDUP_KEY_BYTES} bytes` };
  }
  return converted;
}

// An event's deduplication key joins its identifiers (EventKey, TaskId, ResponseCode…), and the
// unique index over it refuses entries over 2,704 bytes (PostgreSQL btree limit): a longer key
// would fail its insert on every retry. Real keys are under 200 bytes.
const MAX_DEDUP_KEY_BYTES = 2048;

function verifyAndDecrypt(keys: Keys, query: Query, encrypted: string, now: Date): { ok: true; plaintext: string } | Refusal {
  const signature = single(query.msg_signature);
  const timestamp = single(query.timestamp);
  const nonce = single(query.nonce);
  if (!signature || !timestamp || !nonce) return { ok: false, status: 401, reason: 'missing msg_signature, timestamp or nonce' };
  if (!verifySignature({ token: keys.token, timestamp, nonce, encrypted, signature })) {
    return { ok: false, status: 401, reason: 'bad msg_signature' };
  }
  // The signature first, the timestamp second. The signature covers the timestamp, so only a
  // signed timestamp is WeCom's: a refusal for its age then means a replayed callback (a reason
  // worth its own log line), while a forger gets the same "bad msg_signature" whatever timestamp
  // they send and learns nothing about our clock. Neither check depends on a secret in a way
  // timing could reveal: the signature is compared in constant time (verify-signature.ts) and
  // the timestamp is public.
  const stale = checkTimestamp(timestamp, now);
  if (stale) return stale;
  const decrypted = decryptMessage(keys.encodingAesKey, keys.corpId, encrypted);
  return decrypted.ok ? decrypted : { ok: false, status: 400, reason: decrypted.reason };
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
