// Tells the admins that messages to someone cannot be delivered — once per recipient per day,
// however many messages fail, through the outbox like every other message.
import type { Tx } from '../../prisma/open-database.js';
import { enqueueMessage } from '../../core/enqueue-message.js';
import type { DueRow } from './due-row.js';

const REPORT_KEY = 'send-failed';

export async function reportFailure(
  tx: Tx,
  row: Pick<DueRow, 'personId' | 'chatId' | 'platform' | 'account' | 'dedupKey'>,
  error: string,
  now: Date,
  /** What the admins should do; a send whose outcome stayed unknown may have arrived. */
  advice = '请核对名册中的账号。',
): Promise<void> {
  // A failed report is not reported again, or a broken admin account would loop.
  if (row.dedupKey?.startsWith(`${REPORT_KEY}:`)) return;
  const person = row.personId === null ? null : await tx.person.findUnique({ where: { id: row.personId }, select: { name: true } });
  const who = row.chatId ? `项目群 ${row.chatId}` : person ? `${person.name}${row.account ? `（${row.account}）` : ''}` : `${row.account}`;
  const admins = await tx.person.findMany({ where: { active: true, roles: { has: 'admin' } }, select: { id: true } });
  const day = now.toISOString().slice(0, 10);
  const recipient = row.chatId ?? (row.personId === null ? `${row.platform}:${row.account}` : `person${row.personId}`);
  for (const admin of admins) {
    await enqueueMessage(tx, {
      to: { personId: admin.id },
      message: { kind: 'text', text: `发给${who}的消息无法送达，已停止重试：${error}。${advice}` },
      dedupKey: `${REPORT_KEY}:${day}:${recipient}:${admin.id}`,
    });
  }
}
