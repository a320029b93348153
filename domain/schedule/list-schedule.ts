// Zhenping's rhythm as data: which job runs on which weekday or day of the month, at what time
// (Asia/Shanghai). Weekly: 003 一(三)5(1); monthly: 003 一(一)3 (28日集中签约), 一(二)4(1)–(3)
// (1日 签约项目, 3日 台账, 5日 交办), 一(三)5(2) (22日 排序; the 20th asks for the figures first).
import type { Policy } from '../policy.js';
import { parseScheduleCron } from './parse-schedule-cron.js';
import { readMonthlyStep } from './read-monthly-step.js';

export type Purpose =
  | 'problemsAsk'
  | 'problemsReminder'
  | 'leaderDigest'
  | 'meeting'
  | 'signedList'
  | 'startLedger'
  | 'assignment'
  | 'progressAsk'
  | 'ranking'
  | 'signing'
  | 'deadlines'
  | 'taskDeadlines';

export type ScheduleEntry =
  | { job: string; purpose: Purpose; period: 'week'; weekday: number; time: string }
  | { job: string; purpose: Purpose; period: 'month'; day: number; time: string }
  /** Every working day; a day off has none (nothing moves). */
  | { job: string; purpose: Purpose; period: 'day'; time: string };

export type Schedule = readonly ScheduleEntry[];

/** The schedule the policy describes; job names are the keys' first half (`weekly-wed`, `monthly-22`). */
export function listSchedule(policy: Pick<Policy, 'weekly' | 'monthlyDays' | 'monthlyTime' | 'deadlineReminder'>): Schedule {
  const { weekly, monthlyDays, monthlyTime } = policy;
  const monthly = (purpose: Purpose, value: number | string): ScheduleEntry => {
    // The policy was validated (domain/policy.ts), so the step reads.
    const { day, time } = readMonthlyStep(value, monthlyTime)!;
    return { job: `monthly-${day}`, purpose, period: 'month', day, time };
  };
  // A weekly time is `HH:MM` or a cron expression on the step's own weekday (validated in domain/policy.ts).
  const timeOf = (value: string) => {
    const cron = parseScheduleCron(value);
    return 'problem' in cron ? value : cron.time;
  };
  return [
    { job: 'weekly-tue', purpose: 'problemsAsk', period: 'week', weekday: 2, time: timeOf(weekly.problemsAsk) },
    { job: 'weekly-tue-reminder', purpose: 'problemsReminder', period: 'week', weekday: 2, time: timeOf(weekly.problemsReminder) },
    { job: 'weekly-wed', purpose: 'leaderDigest', period: 'week', weekday: 3, time: timeOf(weekly.leaderDigest) },
    { job: 'weekly-fri', purpose: 'meeting', period: 'week', weekday: 5, time: timeOf(weekly.meeting) },
    monthly('signedList', monthlyDays.signedList),
    monthly('startLedger', monthlyDays.startLedger),
    monthly('assignment', monthlyDays.assignment),
    monthly('progressAsk', monthlyDays.progressAsk),
    monthly('ranking', monthlyDays.ranking),
    monthly('signing', monthlyDays.signing),
    { job: 'daily-deadlines', purpose: 'deadlines', period: 'day', time: policy.deadlineReminder.time },
    { job: 'daily-tasks', purpose: 'taskDeadlines', period: 'day', time: policy.deadlineReminder.time },
  ];
}
