// The admins hear once that the coming year's holidays are missing, and not once they are entered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { warnCalendarGap } from '../../cron/warn-calendar-gap.js';
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

it('warns each admin once about a missing coming year, and stops once a day of it is entered', async () => {
  const november = new Date('2026-11-20T09:00:00+08:00');
  expect(await warnCalendarGap(db.prisma, november)).toBe(2027);
  expect(await warnCalendarGap(db.prisma, november)).toBe(2027);
  const sent = await outboxRecipients(db.prisma);
  expect(sent.map((row) => [row.recipient, row.text])).toEqual([
    ['admin', '2027 年的法定节假日和调休尚未录入，工作日期限可能算错，请管理员补录日历，例如：日历 2027-01-01 休 元旦'],
  ]);
  await db.prisma.calendarDay.create({ data: { date: new Date('2027-01-01T00:00:00Z'), isWorkday: false, note: '元旦' } });
  expect(await warnCalendarGap(db.prisma, november)).toBeNull();
});
