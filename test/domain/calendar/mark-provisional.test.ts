// A derived date people read carries （暂定） when it was counted through a year whose official schedule is
// not entered (docs/domain.md "Working days and the calendar"), and only then.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { markProvisional } from '../../../domain/calendar/mark-provisional.js';

describe('markProvisional', () => {
  const calendar = createWorkingCalendar();

  it('marks a 2027 date while 2027 is not entered, and not a 2026 one', () => {
    expect(markProvisional(calendar, '2027-01-04')).toBe('2027-01-04（暂定）');
    expect(markProvisional(calendar, '2026-12-31')).toBe('2026-12-31');
    expect(markProvisional(createWorkingCalendar([], [2027]), '2027-01-04')).toBe('2027-01-04');
  });

  it('shows the given text with the mark: a report time', () => {
    expect(markProvisional(calendar, '2027-01-04', undefined, '01-04 08:50')).toBe('01-04 08:50（暂定）');
  });

  it('marks a date in an entered year counted through a provisional one', () => {
    // 2028 entered, 2027 not: 90 working days from 2026-11-02 through 2027 may still move.
    expect(markProvisional(createWorkingCalendar([], [2028]), '2028-03-01', '2026-11-02')).toBe('2028-03-01（暂定）');
    expect(markProvisional(createWorkingCalendar([], [2027, 2028]), '2028-03-01', '2026-11-02')).toBe('2028-03-01');
  });
});
