// Checks a WeCom callback signature: msg_signature = sha1 of the sorted concatenation of token,
// timestamp, nonce and the encrypted text (WeCom docs, 加解密方案说明 → 消息体签名校验).
// Pure, and compared in constant time so the answer's timing leaks nothing about the expected value.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface SignedParts {
  token: string;
  timestamp: string;
  nonce: string;
  /** The `Encrypt` element of a POST, or `echostr` of the URL verification GET. */
  encrypted: string;
  signature: string;
}

export function verifySignature({ token, timestamp, nonce, encrypted, signature }: SignedParts): boolean {
  const expected = createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest();
  // Exactly 40 hex digits: Buffer.from(…, 'hex') would silently drop a 41st digit or stop at the
  // first non-hex one, accepting strings that are not the signature.
  if (!/^[0-9a-fA-F]{40}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signature, 'hex'), expected);
}
