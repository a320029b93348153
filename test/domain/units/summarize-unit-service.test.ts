import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { percentile, summarizeUnitService, type ServedTask } from '../../../domain/units/summarize-unit-service.js';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe('summarizeUnitService', () => {
  const task = (over: Partial<ServedTask>): ServedTask => ({
    unitId: 1,
    callId: 1,
    state: 'taken',
    postedAt: new Date('2026-11-23T01:00:00Z'),
    takenAt: null,
    ackDueAt: new Date('2026-11-23T01:30:00Z'),
    dueOn: null,
    doneAt: null,
    ...over,
  });

  it('counts one 报到 per card in office minutes, untaken cards, and items on time, late and overdue', () => {
    const calendar = createWorkingCalendar();
    const [unit] = summarizeUnitService(
      [
        // One card with two items, taken 20 minutes after it was posted (Monday 09:00–09:20 Shanghai).
        task({ callId: 1, takenAt: new Date('2026-11-23T01:20:00Z'), state: 'done', dueOn: '2026-11-25', doneAt: new Date('2026-11-25T02:00:00Z') }),
        task({ callId: 1, takenAt: new Date('2026-11-23T01:20:00Z'), state: 'done', dueOn: '2026-11-24', doneAt: new Date('2026-11-25T02:00:00Z') }),
        // Posted Friday 16:50, taken Monday 09:10: 10 + 10 office minutes with 17:00–09:00 hours.
        task({ callId: 2, postedAt: new Date('2026-11-20T08:50:00Z'), takenAt: new Date('2026-11-23T01:10:00Z'), dueOn: '2026-11-24' }),
        task({ callId: 3, state: 'posted' }),
        task({ callId: 4, unitId: 2, state: 'posted' }),
      ],
      [1],
      {
        since: new Date('2026-11-01T00:00:00Z'),
        now: new Date('2026-11-26T02:00:00Z'),
        calendar,
        officeHours: [{ start: '09:00', end: '17:00' }],
      },
    );
    expect(unit).toEqual({ unitId: 1, answered: 2, medianMinutes: 20, p90Minutes: 20, untaken: 1, onTime: 1, late: 1, overdue: 1 });
  });
});
