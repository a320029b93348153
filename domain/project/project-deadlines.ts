// The project-level clocks: team within 1 working day of acceptance (002 五(三)), plan 1 working
// day after the team (002 五(四)), construction start within 90 working days of signing or 50 of
// land listing (003 一(二)4(3)). The first two belong to the running service; the start deadline runs
// until the project is recorded as started, whether the service runs or has ended with 办结, and stops
// with 终止 (docs/domain.md "Project life cycle").
import { addWorkingDays } from '../calendar/add-working-days.js';
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { shanghaiDate, type IsoDate } from '../calendar/shanghai-time.js';
import { serviceRunning } from './service-state.js';

export interface DeadlinePolicy {
  teamWorkingDays: number;
  planWorkingDays: number;
  startAfterSigningWorkingDays: number;
  startAfterLandListingWorkingDays: number;
}

export interface ProjectClocks {
  stage: string;
  service: string;
  signedOn: IsoDate | null;
  landListedOn: IsoDate | null;
  acceptedAt: Date | null;
  teamFormedAt: Date | null;
  planMadeAt: Date | null;
}

export interface Deadline {
  label: string;
  dueOn: IsoDate;
  /** The day the count started: with dueOn, what markProvisional (calendar/mark-provisional.ts) checks. */
  from: IsoDate;
}

/** The open project deadlines, earliest first. */
export function projectDeadlines(project: ProjectClocks, policy: DeadlinePolicy, calendar: WorkingCalendar): Deadline[] {
  const deadlines: Deadline[] = [];
  if (serviceRunning(project.service)) {
    if (project.acceptedAt && !project.teamFormedAt) {
      const from = shanghaiDate(project.acceptedAt);
      deadlines.push({ label: '组建团队', dueOn: addWorkingDays(calendar, from, policy.teamWorkingDays), from });
    }
    if (project.teamFormedAt && !project.planMadeAt) {
      const from = shanghaiDate(project.teamFormedAt);
      deadlines.push({ label: '制定方案', dueOn: addWorkingDays(calendar, from, policy.planWorkingDays), from });
    }
  }
  if (project.stage === 'signed' && project.service !== 'terminated') {
    const starts = [
      project.signedOn && { label: '开工', dueOn: addWorkingDays(calendar, project.signedOn, policy.startAfterSigningWorkingDays), from: project.signedOn },
      project.landListedOn && {
        label: '开工',
        dueOn: addWorkingDays(calendar, project.landListedOn, policy.startAfterLandListingWorkingDays),
        from: project.landListedOn,
      },
    ].filter((start): start is Deadline => Boolean(start));
    const first = starts.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
    if (first) deadlines.push(first);
  }
  return deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
