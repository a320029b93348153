// A complaint's clock on the official calendar (domain/complaints/complaint-deadlines.ts): the last day to
// answer, the reminder that morning and the escalation the next working morning.
import { expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { formatShanghai } from '../../../domain/calendar/shanghai-time.js';
import { complaintDeadlines } from '../../../domain/complaints/complaint-deadlines.js';

const calendar = createWorkingCalendar([]);
const shown = (filed: string, days: number) => {
  const due = complaintDeadlines(calendar, new Date(`${filed}+08:00`), days, '09:00');
  return { replyBy: due.replyBy, remindAt: formatShanghai(due.remindAt, 'datetime'), escalateAt: formatShanghai(due.escalateAt, 'datetime') };
};

it('counts working days from the day after the complaint came in', () => {
  // 2026-11-23 is a Monday: 7 working days end on Wednesday 12-02.
  expect(shown('2026-11-23T10:00:00', 7)).toEqual({ replyBy: '2026-12-02', remindAt: '2026-12-02 09:00', escalateAt: '2026-12-03 09:00' });
  // Filed on a Saturday evening: counting starts Monday.
  expect(shown('2026-11-28T20:00:00', 1)).toEqual({ replyBy: '2026-11-30', remindAt: '2026-11-30 09:00', escalateAt: '2026-12-01 09:00' });
});

it('skips the 国庆 week and keeps the 调休 Saturday a working day', () => {
  // 2026: 10-01 to 10-07 off, Saturday 10-10 a working day.
  expect(shown('2026-09-30T15:00:00', 3)).toEqual({ replyBy: '2026-10-10', remindAt: '2026-10-10 09:00', escalateAt: '2026-10-12 09:00' });
});
