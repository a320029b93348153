// An enterprise's 投诉 not answered in time (docs/domain.md "Complaints"): on the morning of its last
// day its answerers are reminded, and the morning after it 督查中心 is told to 督办 (001 投产 二(五)2:
// 上一级投诉受理机构应当按照时限跟踪督办), with the answerers again; each once, and the Event log
// records it for 档案. Run with the schedules every minute (cron/chase-complaints.ts); the due rows are
// claimed FOR UPDATE SKIP LOCKED and marked in the caller's transaction, so of several instances one sends each step.
import type { Tx } from '../prisma/open-database.js';
import { enqueueMessages, type Enqueue } from '../core/enqueue-message.js';
import { markProvisional } from '../domain/calendar/mark-provisional.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { findPeople } from '../core/recipients/find-people.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { findComplaintAnswerers } from '../core/recipients/find-complaint-answerers.js';
import { claimDueComplaints, markComplaintStep } from '../prisma/complaint-store.js';
import { recordEvents, type NewEvent } from '../prisma/event-store.js';

/** Returns how many steps (reminders and escalations) were sent. */
export async function chaseDueComplaints(tx: Tx, now: Date): Promise<number> {
  const complaints = await claimDueComplaints(tx, now, 100);
  if (complaints.length === 0) return 0;
  const inspection = (await findPeople(tx, 'inspection')).map((person) => person.id);
  const calendar = await loadWorkingCalendar(tx);
  const messages: Enqueue[] = [];
  // One statement for the batch's events: each is a round trip inside the claim's transaction.
  const events: NewEvent[] = [];
  for (const complaint of complaints) {
    const { project } = complaint;
    const replyBy = complaint.replyBy.toISOString().slice(0, 10);
    // Counted from the day it came in, so a year still provisional then shows 暂定 (docs/domain.md "Time rules").
    const by = markProvisional(calendar, replyBy, shanghaiDate(complaint.at));
    const answer = `答复请发「答复投诉 C${complaint.id} 答复内容」。`;
    const answerers = await findComplaintAnswerers(tx, project);
    // Past the deadline only the escalation goes out: a reminder for a day gone by says nothing more.
    const step = complaint.escalateAt <= now ? 'escalated' : 'reminded';
    const told = step === 'escalated' ? [...new Set([...inspection, ...answerers])] : answerers;
    const text =
      step === 'escalated'
        ? `【投诉逾期】C${complaint.id} P${project.id} ${project.name} 的企业投诉应于 ${by} 前答复，尚未答复，请督办。${answer}`
        : `【投诉答复提醒】C${complaint.id} P${project.id} ${project.name} 的企业投诉今天 ${by} 到期，尚未答复。${answer}`;
    for (const personId of told)
      messages.push({ to: { personId }, message: { kind: 'text', text }, dedupKey: `complaint:${complaint.id}:${step}:${personId}` });
    events.push({ at: now, channel: 'system', kind: `complaint.${step}`, projectId: project.id, after: { complaintId: complaint.id, replyBy, told } });
    await markComplaintStep(tx, complaint, step, now);
  }
  await enqueueMessages(tx, messages);
  await recordEvents(tx, events);
  return complaints.length;
}
