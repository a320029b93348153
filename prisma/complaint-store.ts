// Statements on an enterprise's 投诉 (docs/domain.md "Complaints") that the schedules run: the claim of
// the complaints whose reminder or escalation has come, and marking a step sent. Instants pass as Date values.
import type { Tx } from './open-database.js';

/**
 * Claims up to `limit` unanswered complaints with a step due, FOR UPDATE SKIP LOCKED so of several
 * instances one sends each step; each with its project.
 */
export async function claimDueComplaints(tx: Tx, now: Date, limit: number) {
  const claimed = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Complaint"
    WHERE "answeredAt" IS NULL
      AND (("remindedAt" IS NULL AND "remindAt" <= ${now}) OR ("escalatedAt" IS NULL AND "escalateAt" <= ${now}))
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  if (claimed.length === 0) return [];
  return tx.complaint.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, include: { project: true }, orderBy: { id: 'asc' } });
}

/** Marks a complaint's step sent: the reminder (also when the escalation went alone), and the escalation. */
export async function markComplaintStep(tx: Tx, complaint: { id: number; remindedAt: Date | null }, step: 'reminded' | 'escalated', now: Date): Promise<void> {
  await tx.complaint.update({
    where: { id: complaint.id },
    data: { remindedAt: complaint.remindedAt ?? now, ...(step === 'escalated' && { escalatedAt: now }) },
  });
}
