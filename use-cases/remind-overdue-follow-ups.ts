// A complaint — a rating of 2 or less (handlers/enterprise/rate-service.ts) — not followed up by 回访
// before its deadline: 重点项目办 and the project's 包抓领导 are reminded once, and the Event log records it
// for 档案 (002 五(九) 回访, 五(十) 一事一档). Run with the schedules every minute (cron/remind-rating-complaints.ts);
// the due rows are claimed FOR UPDATE SKIP LOCKED and marked in the caller's transaction, so of several instances one reminds.
import type { Tx } from '../prisma/open-database.js';
import { enqueueMessage } from '../core/enqueue-message.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { findPeople } from '../core/recipients/find-people.js';
import { claimOverdueFollowUps, markFollowUpsReminded } from '../prisma/rating-store.js';
import { findProjectPeople } from '../prisma/project-people-store.js';
import { recordEvents, type NewEvent } from '../prisma/event-store.js';

/** Returns how many complaints were reminded. */
export async function remindOverdueFollowUps(tx: Tx, now: Date): Promise<number> {
  const due = await claimOverdueFollowUps(tx, now, 100);
  if (due.length === 0) return 0;
  const offices = await findPeople(tx, 'project_office');
  // One statement for the batch's events: each is a round trip inside the claim's transaction.
  const events: NewEvent[] = [];
  for (const complaint of due) {
    const project = await findProjectPeople(tx, complaint.projectId);
    // The deadline is the end of the day the rating named (followUpDueAt is the midnight after it).
    const followUpBy = shanghaiDate(new Date(complaint.followUpDueAt.getTime() - 1));
    const text = `【差评跟进逾期】P${project.id} ${project.name} 企业评价 ${complaint.score} 分，应于 ${followUpBy} 前回访，尚未回访。回访后请发「回访 P${project.id} 情况」。`;
    const people = new Set([...offices.map((person) => person.id), ...(project.leaderId === null ? [] : [project.leaderId])]);
    for (const personId of people)
      await enqueueMessage(tx, { to: { personId }, message: { kind: 'text', text }, dedupKey: `rating-complaint:${complaint.id}:${personId}` });
    events.push({ at: now, channel: 'system', kind: 'rating.complaint_overdue', projectId: project.id, after: { ratingId: complaint.id, followUpBy } });
  }
  await markFollowUpsReminded(
    tx,
    due.map((complaint) => complaint.id),
    now,
  );
  await recordEvents(tx, events);
  return due.length;
}
