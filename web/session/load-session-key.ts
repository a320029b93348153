// The key that signs the 看板's cookies: SESSION_SECRET when set, else one random key kept in the
// database (prisma/read-shared-secret.ts), so every instance on one database accepts every session.
import type { Db } from '../../prisma/open-database.js';
import { readSharedSecret } from '../../prisma/read-shared-secret.js';

export function loadSessionKey(prisma: Db, configured: string | undefined, now: () => Date): () => Promise<string> {
  let key: Promise<string> | null = configured ? Promise.resolve(configured) : null;
  return () => {
    key ??= readSharedSecret(prisma, 'kanban-session', now()).catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  };
}
