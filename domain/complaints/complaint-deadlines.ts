// A complaint's clock (docs/domain.md "Complaints"): a written answer within the profile's working days
// (001 投产 二(五)2: 法律没有规定的，必须在7个工作日内书面答复), a reminder to the answerers on the
// morning of the last day, and 督办 by 督查中心 on the morning of the next working day (001 投产 二(五)2:
// 上一级投诉受理机构应当按照时限跟踪督办). Mornings are the daily reminders' time (002 五(六)).
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { addWorkingDays } from '../calendar/add-working-days.js';
import { clockToMs, shanghaiDate, shanghaiInstant, type IsoDate } from '../calendar/shanghai-time.js';

export interface ComplaintDeadlines {
  /** The last day to answer. */
  replyBy: IsoDate;
  remindAt: Date;
  escalateAt: Date;
}

/**
 * @example complaintDeadlines(calendar, new Date('2026-11-23T10:00:00+08:00'), 7, '09:00')
 * // { replyBy: '2026-12-02', remindAt: 2026-12-02 09:00, escalateAt: 2026-12-03 09:00 (Shanghai) }
 */
export function complaintDeadlines(calendar: WorkingCalendar, filedAt: Date, workingDays: number, morning: string): ComplaintDeadlines {
  const replyBy = addWorkingDays(calendar, shanghaiDate(filedAt), workingDays);
  return {
    replyBy,
    remindAt: shanghaiInstant(replyBy, clockToMs(morning)),
    escalateAt: shanghaiInstant(addWorkingDays(calendar, replyBy, 1), clockToMs(morning)),
  };
}
