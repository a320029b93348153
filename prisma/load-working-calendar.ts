// The working-day calendar with the admin's CalendarDay overrides, read inside the caller's
// transaction. The table holds a few dozen rows per year, so it is read whole.
import type { Tx } from './open-database.js';
import { createWorkingCalendar, type WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { readEnteredYears } from './read-entered-years.js';

export async function loadWorkingCalendar(tx: Tx): Promise<WorkingCalendar> {
  const days = await tx.calendarDay.findMany();
  return createWorkingCalendar(
    days.map((day) => ({ date: day.date.toISOString().slice(0, 10), isWorkday: day.isWorkday })),
    await readEnteredYears(tx),
  );
}
