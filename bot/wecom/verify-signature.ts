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
  const given = Buffer.from(signature, 'hex');
  // A wrong length (or non-hex text, which decodes short) fails here without comparing.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
