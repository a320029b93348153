// Spends an HTTP-mode `(timestamp, sign)` pair. DingTalk's sign covers the timestamp only, not the
// body (机器人接收消息 → 校验请求), so whoever captures one signed request could send any body
// under its headers for the hour the timestamp stays fresh. A pair is therefore good for one body:
// the first request with it is recorded here, in the database, so every instance sees it; the same
// body again is DingTalk redelivering, and another body is a forgery. Rows older than the window
// go with the other working tables (cron/prune-old-rows.ts).
import { createHash } from 'node:crypto';
import type { Db } from '../../prisma/open-database.js';

export type SignClaim = 'first' | 'redelivery' | 'reused';

export async function claimCallbackSign(
  prisma: Db,
  { timestamp, sign, body, now }: { timestamp: string; sign: string; body: string; now: Date },
): Promise<SignClaim> {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const inserted = await prisma.$executeRaw`
    INSERT INTO "DingtalkCallbackSign" ("timestamp", sign, "bodyHash", "receivedAt")
    VALUES (${timestamp}, ${sign}, ${bodyHash}, ${now})
    ON CONFLICT DO NOTHING`;
  if (inserted > 0) return 'first';
  const [seen] = await prisma.$queryRaw<{ bodyHash: string }[]>`
    SELECT "bodyHash" FROM "DingtalkCallbackSign" WHERE "timestamp" = ${timestamp} AND sign = ${sign}`;
  // Gone between the two statements only if pruned, i.e. long out of the window: not a redelivery.
  return seen?.bodyHash === bodyHash ? 'redelivery' : 'reused';
}
