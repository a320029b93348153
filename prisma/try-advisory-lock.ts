// A transaction-scoped advisory lock taken without waiting (PostgreSQL docs "Advisory Lock Functions":
// pg_try_advisory_xact_lock), for work one instance does at a time and the others skip; released at commit.
// The key is a name hashed by the database (hashtext), so callers name their work, not a number.
import type { Tx } from './open-database.js';

export async function tryAdvisoryLock(tx: Tx, name: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS locked`;
  return row?.locked === true;
}
