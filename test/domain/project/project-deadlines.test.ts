import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { projectDeadlines } from '../../../domain/project/project-deadlines.js';

const calendar = createWorkingCalendar();
const policy = { teamWorkingDays: 1, planWorkingDays: 1, startAfterSigningWorkingDays: 90, startAfterLandListingWorkingDays: 50 };
const blank = { signedOn: null, landListedOn: null, acceptedAt: null, teamFormedAt: null, planMadeAt: null };

describe('projectDeadlines', () => {
  it('gives the team one working day after acceptance (Friday → Monday)', () => {
    const deadlines = projectDeadlines({ ...blank, stage: 'signed', service: 'accepted', acceptedAt: new Date('2026-03-06T10:00:00+08:00') }, policy, calendar);
    expect(deadlines).toEqual([{ label: '组建团队', dueOn: '2026-03-09', from: '2026-03-06' }]);
  });

  it('gives the plan one working day after the team', () => {
    const deadlines = projectDeadlines(
      {
        ...blank,
        stage: 'signed',
        service: 'accepted',
        acceptedAt: new Date('2026-03-04T10:00:00+08:00'),
        teamFormedAt: new Date('2026-03-05T10:00:00+08:00'),
      },
      policy,
      calendar,
    );
    expect(deadlines).toEqual([{ label: '制定方案', dueOn: '2026-03-06', from: '2026-03-05' }]);
  });

  it('takes the earlier of 90 working days after signing and 50 after land listing', () => {
    const deadlines = projectDeadlines(
      { ...blank, stage: 'signed', service: 'unaccepted', signedOn: '2026-03-02', landListedOn: '2026-03-16' },
      policy,
      calendar,
    );
    // 50 working days after 03-16: 11 in March, 21 in April (清明 04-06 off), 18 in May (05-01..05 off, 05-09 worked).
    expect(deadlines).toEqual([{ label: '开工', dueOn: '2026-05-28', from: '2026-03-16' }]);
  });

  it('has no start deadline once construction started, nor after 终止', () => {
    expect(projectDeadlines({ ...blank, stage: 'started', service: 'approving', signedOn: '2026-03-02' }, policy, calendar)).toEqual([]);
    expect(projectDeadlines({ ...blank, stage: 'signed', service: 'terminated', signedOn: '2026-03-02' }, policy, calendar)).toEqual([]);
  });

  it('keeps the start deadline after the service ended with 办结, and drops the team and plan deadlines', () => {
    const closed = { ...blank, stage: 'signed', service: 'closed', signedOn: '2026-03-02', acceptedAt: new Date('2026-03-04T10:00:00+08:00') };
    expect(projectDeadlines(closed, policy, calendar).map((deadline) => deadline.label)).toEqual(['开工']);
  });
});
