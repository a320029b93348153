// Sets an incoming event aside (processed, failedAt, the error kept for the operator) and tells its
// sender once, in the same transaction, so the apology and the set-aside commit together and are
// never repeated. A row too broken to say who sent it is set aside without an apology.
import type { Tx } from '../../prisma/open-database.js';
import type { IncomingEvent } from '../../core/messages.js';
import { enqueueMessage } from '../../core/enqueue-message.js';
import { setInboundAside } from '../../prisma/inbound-store.js';

const APOLOGY = '抱歉，处理这条消息时出错了，已记录。请稍后再试或联系管理员。';

export async function setAsideInbound(tx: Tx, id: bigint, error: string, now: Date, from?: Pick<IncomingEvent, 'platform' | 'account'>): Promise<void> {
  await setInboundAside(tx, id, error, now);
  if (from) await enqueueMessage(tx, { to: { platform: from.platform, account: from.account }, message: { kind: 'text', text: APOLOGY }, reply: true });
}
