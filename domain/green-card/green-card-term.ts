// A 服务绿卡's term (000 第四条(五)): valid `validYears` from the day it is issued, or, renewed before
// it ended, from the day the old term ends; its holders are reminded `renewalWindowDays` before the end.
import { addCalendarDays, clockToMs, shanghaiInstant, type IsoDate } from '../calendar/shanghai-time.js';
import { addCalendarYears } from '../calendar/add-calendar-years.js';
import type { GreenCardRules } from './find-green-card-threshold.js';

/** @example greenCardTerm('2026-12-07', rules) // { validUntil: '2028-12-07', renewalRemindAt: 2028-10-08 09:00 +08:00 } */
export function greenCardTerm(from: IsoDate, rules: GreenCardRules): { validUntil: IsoDate; renewalRemindAt: Date } {
  const validUntil = addCalendarYears(from, rules.validYears);
  const renewalRemindAt = shanghaiInstant(addCalendarDays(validUntil, -rules.renewalWindowDays), clockToMs(rules.reminderTime));
  return { validUntil, renewalRemindAt };
}
