import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { planEscalation } from '../../../domain/escalation/plan-escalation.js';

const calendar = createWorkingCalendar();
const policy = {
  ackTimeoutMinutes: 30,
  secondEscalationMinutes: 60,
  officeHours: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '18:00' },
  ],
  untakenChase: { time: '08:30', superviseFromDay: 3 },
};
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const posted = (escalationStep = 0, state = 'posted') => ({ state, postedAt: at('2026-03-04T09:00:00'), escalationStep });

describe('planEscalation', () => {
  it('waits for step 1 until the ack timeout', () => {
    expect(planEscalation(posted(), at('2026-03-04T09:29:59'), policy, calendar)).toEqual({
      due: [],
      nextAt: at('2026-03-04T09:30:00'),
    });
  });

  it('fires step 1 at the timeout and schedules step 2', () => {
    expect(planEscalation(posted(), at('2026-03-04T09:30:00'), policy, calendar)).toEqual({
      due: [1],
      nextAt: at('2026-03-04T10:00:00'),
    });
  });

  it('fires step 2 once step 1 has fired, then chases each working morning', () => {
    expect(planEscalation(posted(1), at('2026-03-04T10:00:00'), policy, calendar)).toEqual({ due: [2], nextAt: at('2026-03-05T08:30:00') });
    expect(planEscalation(posted(2), at('2026-03-05T08:30:00'), policy, calendar)).toEqual({ due: [3], nextAt: at('2026-03-06T08:30:00') });
    // Friday's chase done, the next is Monday's.
    expect(planEscalation(posted(4), at('2026-03-06T10:00:00'), policy, calendar)).toEqual({ due: [], nextAt: at('2026-03-09T08:30:00') });
  });

  it('fires both steps once after downtime that covered both', () => {
    expect(planEscalation(posted(), at('2026-03-04T15:00:00'), policy, calendar)).toEqual({ due: [1, 2], nextAt: at('2026-03-05T08:30:00') });
  });

  it('catches up missed mornings with the latest chase alone', () => {
    expect(planEscalation(posted(2), at('2026-03-09T09:00:00'), policy, calendar)).toEqual({ due: [5], nextAt: at('2026-03-10T08:30:00') });
  });

  it('skips the morning on which step 2 itself fired (a card posted after hours)', () => {
    const evening = { state: 'posted', postedAt: at('2026-12-07T17:45:00'), escalationStep: 0 };
    expect(planEscalation(evening, at('2026-12-08T09:15:00'), policy, calendar)).toEqual({ due: [1, 2], nextAt: at('2026-12-09T08:30:00') });
    expect(planEscalation({ ...evening, escalationStep: 2 }, at('2026-12-09T08:30:00'), policy, calendar)).toEqual({
      due: [4],
      nextAt: at('2026-12-10T08:30:00'),
    });
  });

  it('never fires for a taken card', () => {
    expect(planEscalation(posted(0, 'taken'), at('2026-03-04T15:00:00'), policy, calendar)).toEqual({ due: [], nextAt: null });
  });

  it('counts office minutes: a Friday 17:50 card is not late at 18:20', () => {
    const friday = { state: 'posted', postedAt: at('2026-03-06T17:50:00'), escalationStep: 0 };
    expect(planEscalation(friday, at('2026-03-06T18:20:00'), policy, calendar)).toEqual({
      due: [],
      nextAt: at('2026-03-09T08:50:00'),
    });
  });
});
