// 绵阳's 服务绿卡 is renewed on an application made within 60 days before it ends (000 第四条(五)): when
// that window opens (GreenCard.renewalRemindAt, set at 发放绿卡) the enterprise contact, the project's
// leader and 招商服务中心 are reminded once, and the Event log records it for 档案. Run with the
// schedules every minute (cron/remind-green-card-renewals.ts); the due rows are claimed FOR UPDATE SKIP
// LOCKED and marked in the caller's transaction, so of several instances one reminds.
import type { Tx } from '../prisma/open-database.js';
import { enqueueMessage } from '../core/enqueue-message.js';
import { findPeople } from '../core/recipients/find-people.js';
import { claimDueRenewals, markRenewalsReminded } from '../prisma/green-card-store.js';
import { findProjectPeople } from '../prisma/project-people-store.js';
import { recordEvents, type NewEvent } from '../prisma/event-store.js';

/** Returns how many cards were reminded. */
export async function remindDueRenewals(tx: Tx, now: Date): Promise<number> {
  // A renewal already applied for needs no reminder; 发放绿卡 sets the next one.
  const due = await claimDueRenewals(tx, now, 100);
  if (due.length === 0) return 0;
  // Without 招商服务中心 in the roster nobody could issue the renewal: the admins hear of it instead.
  const found = await findPeople(tx, 'investment_center');
  const issuers = found.length > 0 ? found : await findPeople(tx, 'admin');
  // One statement for the batch's events: each is a round trip inside the claim's transaction.
  const events: NewEvent[] = [];
  for (const card of due) {
    const project = await findProjectPeople(tx, card.projectId);
    const validUntil = card.validUntil.toISOString().slice(0, 10);
    const text = `【绿卡续用提醒】P${project.id} ${project.name} 的服务绿卡 ${validUntil} 到期，需继续使用请在到期前申请续用：发送「申请绿卡 P${project.id}」。`;
    const people = new Set([...[project.contactPersonId, project.leaderId].filter((id) => id !== null), ...issuers.map((person) => person.id)]);
    for (const personId of people)
      await enqueueMessage(tx, { to: { personId }, message: { kind: 'text', text }, dedupKey: `green-card-renewal:${card.id}:${validUntil}:${personId}` });
    events.push({ at: now, channel: 'system', kind: 'green_card.renewal_reminded', projectId: project.id, after: { validUntil } });
  }
  await markRenewalsReminded(
    tx,
    due.map((card) => card.id),
    now,
  );
  await recordEvents(tx, events);
  return due.length;
}
