// 受理: the project is accepted for 帮办代办 (002 五(二)), which starts the clock to form its team within
// 1 working day (002 五(三)). The handler (handlers/projects/accept-project.ts) tells the window, since the
// accepted project is handed over to it (002 五(五)).
import type { Project } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { addWorkingDays } from '../domain/calendar/add-working-days.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { transitionService, type ServiceState } from '../domain/project/service-state.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';

export type AcceptResult =
  | { kind: 'not-eligible' }
  | { kind: 'not-acceptable'; service: ServiceState }
  | { kind: 'accepted'; /** The day the team is due. */ teamDueOn: string; calendar: WorkingCalendar };

/** `project`: found and locked (use-cases/find-readable-project.ts). */
export async function acceptProject({ tx, now, policy, record }: Acting, project: Project): Promise<AcceptResult> {
  if (!project.eligible) return { kind: 'not-eligible' };
  const change = transitionService(project.service, 'accept');
  if (!change.ok) return { kind: 'not-acceptable', service: change.service };
  await tx.project.update({ where: { id: project.id }, data: { service: change.to, acceptedAt: now } });
  await record({ kind: 'project.accepted', projectId: project.id, before: { service: project.service }, after: { service: change.to } });
  const calendar = await loadWorkingCalendar(tx);
  return { kind: 'accepted', teamDueOn: addWorkingDays(calendar, shanghaiDate(now), policy.teamWorkingDays), calendar };
}
