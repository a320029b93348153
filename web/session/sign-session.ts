// The 看板's session cookie: `<personId>.<expires ms>.<HMAC-SHA256>` — signed, not encrypted (it holds
// no secret), checked in constant time, and refused once expired (docs/architecture.md "看板").
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 8 hours: a working day, after which the person sends 看板 again. */
export const SESSION_MS = 8 * 3600_000;

const mac = (key: string, body: string): Buffer => createHmac('sha256', key).update(`kanban-session:${body}`).digest();

export function signSession(key: string, personId: number, now: Date): string {
  const body = `${personId}.${now.getTime() + SESSION_MS}`;
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The person a cookie value names, or null when it is malformed, forged or expired. */
export function verifySession(key: string, value: string | undefined, now: Date): number | null {
  const match = /^(\d{1,10})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return null;
  const [, person, expires, signature] = match;
  const given = Buffer.from(signature!, 'base64url');
  const expected = mac(key, `${person}.${expires}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(expires) <= now.getTime()) return null;
  return Number(person);
}
