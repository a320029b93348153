// Tells the admins that messages to someone cannot be delivered — once per recipient per day,
// however many messages fail, through the outbox like every other message.
import type { Tx } from '../../prisma/open-database.js';
import { enqueueMessage } from './enqueue-message.js';
import type { DueRow } from './claim-due-rows.js';

const REPORT_KEY = 'send-failed';

export async function reportFailure(tx: Tx, row: DueRow, error: string, now: Date): Promise<void> {
  // A failed report is not reported again, or a broken admin account would loop.
  if (row.dedupKey?.startsWith(`${REPORT_KEY}:`)) return;
  const who = row.toChat
    ? `群聊 ${row.recipient}`
    : await tx.person.findUnique({ where: { userid: row.recipient }, select: { name: true } }).then((person) => (person ? `${person.name}（${row.recipient}）` : row.recipient));
  const admins = await tx.person.findMany({ where: { active: true, roles: { has: 'admin' } }, select: { userid: true } });
  const day = now.toISOString().slice(0, 10);
  for (const admin of admins) {
    await enqueueMessage(tx, {
      recipient: admin.userid,
      message: { kind: 'text', text: `发给${who}的消息无法送达，已停止重试：${error}。请核对名册中的企业微信账号。` },
      dedupKey: `${REPORT_KEY}:${day}:${row.recipient}:${admin.userid}`,
    });
  }
}
