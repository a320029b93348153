// A secret every instance on one database shares (model SharedSecret): the first instance to need it
// inserts a fresh random value and ON CONFLICT DO NOTHING makes any other instance's insert lose, so
// all of them then read the one row (e.g. the 看板's session key when SESSION_SECRET is unset).
import { randomBytes } from 'node:crypto';
import type { Tx } from './open-database.js';

export async function readSharedSecret(db: Tx, name: string, now: Date): Promise<string> {
  await db.$executeRaw`
    INSERT INTO "SharedSecret" (name, value, "createdAt") VALUES (${name}, ${randomBytes(32).toString('base64url')}, ${now})
    ON CONFLICT (name) DO NOTHING`;
  const row = await db.sharedSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}
