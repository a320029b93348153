// 评价: the enterprise rates the service after 办结 or 终止 (满意度评价表, 002 五(九)). One rating per ended
// service: rating again replaces it (the event log keeps the earlier one); the same rating sent twice changes
// nothing. A score of 2 or less is a complaint to follow up (002 五(九)) with a 回访 deadline of
// policy.ratingComplaintWorkingDays working days (cron/remind-rating-complaints.ts reminds when it passes).
// handlers/enterprise/rate-service.ts finds the project, checks the score and words who is told.
import type { Project, Rating } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { addWorkingDays } from '../domain/calendar/add-working-days.js';
import { addCalendarDays, shanghaiDate, shanghaiInstant } from '../domain/calendar/shanghai-time.js';
import { serviceEnded } from '../domain/project/service-state.js';
import { findPeople } from '../core/recipients/find-people.js';
import { lockProject } from '../prisma/lock-rows.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { findReadableProject, type ProjectLookup } from './find-readable-project.js';

/** The project 评价 names, or the contact's one project whose service has ended. */
export type RatedTarget = { kind: 'named'; ref: string | undefined } | { kind: 'only-ended' };

export type RatedProject =
  | { kind: 'found'; project: Project }
  | { kind: 'project-refused'; refusal: Exclude<ProjectLookup, { ok: true }> }
  | { kind: 'none-bound' }
  | { kind: 'one-not-ended'; projectId: number }
  | { kind: 'none-ended' }
  | { kind: 'several-ended'; ended: Project[] };

/** Locked, then read again (prisma/lock-rows.ts): two 评价 of one project run one after the other. */
export async function findRatedProject(acting: Acting, target: RatedTarget): Promise<RatedProject> {
  const { tx, sender } = acting;
  let id: number;
  if (target.kind === 'named') {
    const lookup = await findReadableProject(tx, sender, target.ref);
    if (!lookup.ok) return { kind: 'project-refused', refusal: lookup };
    id = lookup.project.id;
  } else {
    const bound = await tx.project.findMany({ where: { contactPersonId: sender.id }, orderBy: { id: 'asc' } });
    const ended = bound.filter((project) => serviceEnded(project.service));
    if (ended.length > 1) return { kind: 'several-ended', ended };
    if (ended.length === 0)
      return bound.length === 0 ? { kind: 'none-bound' } : bound.length === 1 ? { kind: 'one-not-ended', projectId: bound[0]!.id } : { kind: 'none-ended' };
    id = ended[0]!.id;
  }
  await lockProject(tx, id);
  return { kind: 'found', project: await tx.project.findUniqueOrThrow({ where: { id } }) };
}

export type SavedRating =
  | { kind: 'same' }
  | {
      kind: 'saved';
      previous: Rating | null;
      /** The 回访 deadline of a new complaint, with the calendar that marks it provisional; null otherwise. */
      followUp: { by: string; calendar: WorkingCalendar; officeIds: number[] } | null;
    };

export async function saveRating({ tx, now, policy, sender, record }: Acting, project: Project, score: number, comment: string): Promise<SavedRating> {
  const previous = await tx.rating.findUnique({ where: { projectId: project.id } });
  if (previous && previous.score === score && previous.comment === comment) return { kind: 'same' };
  const complaintOpen = previous !== null && previous.followUpDueAt !== null && previous.followedUpAt === null;
  const calendar = score <= 2 && !complaintOpen ? await loadWorkingCalendar(tx) : null;
  const followUpBy = calendar ? addWorkingDays(calendar, shanghaiDate(now), policy.ratingComplaintWorkingDays) : null;
  const rating = { personId: sender.id, score, comment, at: now };
  const followUp = followUpBy ? { followUpDueAt: shanghaiInstant(addCalendarDays(followUpBy, 1)), followedUpAt: null, remindedAt: null } : {};
  await tx.rating.upsert({ where: { projectId: project.id }, create: { projectId: project.id, ...rating, ...followUp }, update: { ...rating, ...followUp } });
  await record({
    kind: 'project.rated',
    projectId: project.id,
    before: previous ? { score: previous.score, comment: previous.comment } : undefined,
    after: { score, comment, ...(followUpBy && { followUpBy }) },
  });
  const officeIds = calendar && followUpBy ? (await findPeople(tx, 'project_office')).map((person) => person.id) : [];
  return { kind: 'saved', previous, followUp: calendar && followUpBy ? { by: followUpBy, calendar, officeIds } : null };
}
