// The one light of a project (进度, the digests and the 台账 all show this one): the worst of its open
// tasks' lights and its open project deadlines' lights (traffic-light.ts, project-deadlines.ts); green
// for a project no longer followed (终止, or 入库 after 办结: docs/domain.md "Project life cycle").
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import type { Policy } from '../policy.js';
import { projectDeadlines, type ProjectClocks } from './project-deadlines.js';
import { projectFollowed } from './project-stage.js';
import { dateLight, taskLight, worstLight, type Light, type TaskTiming } from './traffic-light.js';

export interface LightContext {
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
}

/**
 * @example projectLight(project, [{ state: 'posted', ackDueAt: new Date('2026-03-01T01:00:00Z'), dueOn: null, suspendedAt: null }], { now: new Date('2026-03-02T01:00:00Z'), policy, calendar }) // 'red'
 */
export function projectLight(project: ProjectClocks, tasks: readonly TaskTiming[], { now, policy, calendar }: LightContext): Light {
  if (!projectFollowed(project)) return 'green';
  const taskLights = tasks.map((task) => taskLight(task, now, calendar, policy.warnBeforeWorkingDays));
  const deadlineLights = projectDeadlines(project, policy, calendar).map((deadline) => dateLight(deadline.dueOn, now, calendar, policy.warnBeforeWorkingDays));
  return worstLight([...taskLights, ...deadlineLights]);
}
