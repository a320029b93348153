// The 看板's one-time links (model WebLoginToken): a token is kept only as its SHA-256, lives 5
// minutes and works once. The claim is one UPDATE … RETURNING on the row not yet used, so two
// instances given the same link at once sign in one person once (docs/architecture.md "看板").
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from './open-database.js';

export const LOGIN_TOKEN_MS = 5 * 60_000;

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A fresh token for `personId`; only its hash is stored. */
export async function issueLoginToken(db: Tx, personId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.webLoginToken.create({ data: { tokenHash: hash(token), personId, createdAt: now, expiresAt: new Date(now.getTime() + LOGIN_TOKEN_MS) } });
  return token;
}

/** The person the token signs in, once; null when it is unknown, used or expired. */
export async function claimLoginToken(db: Tx, token: string, now: Date): Promise<number | null> {
  const rows = await db.$queryRaw<{ personId: number }[]>`
    UPDATE "WebLoginToken" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hash(token)} AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "personId"`;
  return rows[0]?.personId ?? null;
}
