import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { defaultPolicy } from '../../../domain/policy.js';
import { deriveTaskClocks } from '../../../domain/task/derive-task-clocks.js';

const calendar = createWorkingCalendar();
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const posted = { state: 'posted', postedAt: at('2026-11-23T10:00:00'), escalationStep: 0, takenAt: null, promisedDays: 3, suspensions: [] };

describe('deriveTaskClocks', () => {
  it('gives a posted card its report deadline 30 office minutes on, and the next escalation then', () => {
    const clocks = deriveTaskClocks(posted, at('2026-11-23T10:05:00'), defaultPolicy, calendar);
    expect(clocks).toEqual({ ackDueAt: at('2026-11-23T10:30:00'), nextEscalationAt: at('2026-11-23T10:30:00'), dueOn: null });
  });

  it('counts the promised working days from 报到 and adds every working day a pause stood still', () => {
    // Taken Monday 11-23, 3 working days: Thursday 11-26. Paused from Tuesday, resumed Friday 11-27: the clock stood
    // still Tuesday to Thursday, 3 working days, so Tuesday 12-01.
    const taken = { ...posted, state: 'taken', takenAt: at('2026-11-23T10:10:00') };
    expect(deriveTaskClocks(taken, at('2026-11-23T11:00:00'), defaultPolicy, calendar).dueOn).toBe('2026-11-26');
    const paused = { ...taken, suspensions: [{ from: at('2026-11-24T09:00:00'), until: at('2026-11-27T09:00:00') }] };
    expect(deriveTaskClocks(paused, at('2026-11-27T09:00:00'), defaultPolicy, calendar).dueOn).toBe('2026-12-01');
  });

  it('follows the calendar: a day made a holiday moves the due date', () => {
    const taken = { ...posted, state: 'taken', takenAt: at('2026-11-23T10:10:00') };
    const withHoliday = createWorkingCalendar([{ date: '2026-11-25', isWorkday: false }]);
    expect(deriveTaskClocks(taken, at('2026-11-23T11:00:00'), defaultPolicy, withHoliday).dueOn).toBe('2026-11-27');
  });
});
