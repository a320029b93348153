// Which account a message to a person goes to: the platform they last wrote from, else the first
// configured platform where they have an account (README "Platforms"). Chosen when the row is first
// claimed and kept for its retries, so a retry never reaches the person on a second platform.
import type { Tx } from '../../prisma/open-database.js';
import type { Platform } from '../../core/messages.js';

export async function chooseAccounts(
  tx: Tx,
  personIds: number[],
  configured: readonly Platform[],
): Promise<Map<number, { platform: Platform; account: string }>> {
  const chosen = new Map<number, { platform: Platform; account: string; seen: number; rank: number }>();
  if (personIds.length === 0) return new Map();
  const accounts = await tx.account.findMany({ where: { personId: { in: personIds }, platform: { in: [...configured] } } });
  for (const row of accounts) {
    const candidate = {
      platform: row.platform as Platform,
      account: row.account,
      seen: row.lastSeenAt?.getTime() ?? -1,
      rank: configured.indexOf(row.platform as Platform),
    };
    const best = chosen.get(row.personId);
    if (!best || candidate.seen > best.seen || (candidate.seen === best.seen && candidate.rank < best.rank)) chosen.set(row.personId, candidate);
  }
  return new Map([...chosen].map(([personId, { platform, account }]) => [personId, { platform, account }]));
}
