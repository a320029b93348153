// A monthly step's day and time from the policy: a day of the month sent at monthlyTime, or a cron
// expression naming both (`30 8 22 * *`, domain/schedule/parse-schedule-cron.ts).
import { parseScheduleCron } from './parse-schedule-cron.js';

/**
 * Undefined for a value the policy's validation refuses.
 * @example readMonthlyStep(22, '09:00') // { day: 22, time: '09:00' }
 * @example readMonthlyStep('30 8 22 * *', '09:00') // { day: 22, time: '08:30' }
 */
export function readMonthlyStep(value: number | string, monthlyTime: string): { day: number; time: string } | undefined {
  if (typeof value === 'number') return { day: value, time: monthlyTime };
  const cron = parseScheduleCron(value);
  return 'problem' in cron || cron.day === null ? undefined : { day: cron.day, time: cron.time };
}
