// 回访 P12 <情况>: a visit or call to the enterprise after its service ended (002 五(九) "定期对已办结项目进行
// 回访"; 002 六(二) 回访企业), kept verbatim in the archive. A visit answers an open complaint (a rating ≤ 2,
// use-cases/save-rating.ts), which then is no longer reminded.
import type { Acting } from '../core/acting.js';

/** `projectId`: found and locked (use-cases/find-readable-project.ts). */
export async function recordRevisit({ tx, now, record }: Acting, projectId: number, text: string): Promise<{ visit: number; complaintFollowedUp: boolean }> {
  const earlier = await tx.event.count({ where: { projectId, kind: 'project.revisited' } });
  const answered = await tx.rating.updateMany({ where: { projectId, followUpDueAt: { not: null }, followedUpAt: null }, data: { followedUpAt: now } });
  const complaint = answered.count > 0;
  await record({ kind: 'project.revisited', projectId, after: { text, ...(complaint && { complaintFollowedUp: true }) } });
  return { visit: earlier + 1, complaintFollowedUp: complaint };
}
