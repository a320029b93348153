// Decrypts a WeCom callback payload with @wecom/crypto and checks what that library does not:
// that the receive id is our CorpID (WeCom docs, 加解密方案说明: plaintext = random(16B) +
// msg_len(4B) + msg + receiveid, AES-256-CBC, PKCS#7 padded to 32-byte blocks, not 16).
import { decrypt } from '@wecom/crypto';

export type Decrypted = { ok: true; plaintext: string } | { ok: false; reason: string };

const BLOCK = 32;

export function decryptMessage(encodingAesKey: string, corpId: string, encrypted: string): Decrypted {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted) || encrypted.length % 4 !== 0) {
    return { ok: false, reason: 'ciphertext is not base64' };
  }
  const raw = Buffer.from(encrypted, 'base64');
  if (raw.length === 0 || raw.length % BLOCK !== 0) return { ok: false, reason: 'ciphertext is not whole 32-byte blocks' };
  let result: ReturnType<typeof decrypt>;
  try {
    result = decrypt(encodingAesKey, encrypted);
  } catch (error) {
    return { ok: false, reason: `cannot decrypt: ${(error as Error).message}` };
  }
  // The library strips padding only when the last byte is 1–32 and reads msg_len blindly; a
  // payload made with another key comes out as noise, caught by the receive id check below.
  if (result.id !== corpId) return { ok: false, reason: 'receive id is not our CorpID' };
  return { ok: true, plaintext: result.message };
}
