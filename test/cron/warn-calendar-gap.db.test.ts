// The admins hear once that the coming year's holidays are missing, and not once they are entered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { warnCalendarGap } from '../../cron/warn-calendar-gap.js';
import { describeCalendarGap } from '../../domain/calendar/check-calendar-coverage.js';
import type { Database } from '../../prisma/open-database.js';
import { createPeople, outboxRecipients } from '../support/create-people.js';
import { openTestDatabase } from '../support/test-database.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await createPeople(db.prisma, [
    { account: 'admin', name: '管理员小王', roles: ['admin'] },
    { account: 'window', name: '专窗小李', roles: ['window'] },
  ]);
});
afterAll(async () => {
  await db.close();
});

it('warns each admin once about a missing coming year, still after one day of it is entered, and stops once the year is entered', async () => {
  const november = new Date('2026-11-20T09:00:00+08:00');
  expect(await warnCalendarGap(db.prisma, november)).toBe(2027);
  expect(await warnCalendarGap(db.prisma, november)).toBe(2027);
  const sent = await outboxRecipients(db.prisma);
  expect(sent.map((row) => [row.recipient, row.text])).toEqual([['admin', describeCalendarGap(2027)]]);
  await db.prisma.calendarDay.create({ data: { date: new Date('2027-01-01T00:00:00Z'), isWorkday: false, note: '元旦' } });
  expect(await warnCalendarGap(db.prisma, november)).toBe(2027);
  await db.prisma.event.create({ data: { channel: 'system', kind: 'calendar.year_entered', after: { year: 2027 } } });
  expect(await warnCalendarGap(db.prisma, november)).toBeNull();
});
