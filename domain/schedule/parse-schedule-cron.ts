// A schedule time written as a cron expression in POLICY_FILE (README "Policy"): checked with node-cron's
// validate(), then read as one time of day on one weekday or one day of the month, since each step of
// the weekly and monthly rhythm happens once a period and is fired by the exactly-once ScheduleRun table
// (cron/schedules/run-schedules.ts), never by node-cron's own scheduler (every instance would fire).
import { validate } from 'node-cron';

export interface CronTiming {
  /** `HH:MM`, Asia/Shanghai. */
  time: string;
  /** 1 (Monday) … 7 (Sunday), or null for every day of the week. */
  weekday: number | null;
  /** 1 … 31, or null for every day of the month. */
  day: number | null;
}

const NUMBER = /^\d{1,2}$/;

/**
 * @example parseScheduleCron('0 9 * * 2') // { time: '09:00', weekday: 2, day: null }
 * @example parseScheduleCron('30 8 22 * *') // { time: '08:30', weekday: null, day: 22 }
 * @example parseScheduleCron('*\/5 9 * * 2') // { problem: 'expected one time of day: "M H * * D" or "M H D * *"' }
 */
export function parseScheduleCron(expression: string): CronTiming | { problem: string } {
  if (!validate(expression)) return { problem: 'not a cron expression (node-cron)' };
  const fields = expression.trim().split(/\s+/);
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  const single = fields.length === 5 && NUMBER.test(minute) && NUMBER.test(hour) && month === '*';
  const dayOf = (field: string, max: number) => (field === '*' ? null : NUMBER.test(field) && Number(field) <= max ? Number(field) : undefined);
  const days = { day: dayOf(day, 31), weekday: dayOf(weekday, 7) };
  if (!single || days.day === undefined || days.weekday === undefined || (days.day !== null && days.weekday !== null))
    return { problem: 'expected one time of day: "M H * * D" or "M H D * *"' };
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  // cron counts Sunday as 0 or 7; the schedule's weeks start on Monday (ISO).
  return { time, weekday: days.weekday === 0 ? 7 : days.weekday, day: days.day };
}
