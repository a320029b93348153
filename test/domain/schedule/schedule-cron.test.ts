// Schedule times as cron expressions in POLICY_FILE (domain/schedule/parse-schedule-cron.ts): validated at
// start with node-cron, read as each step's day and time, and fired by the same once-a-period occurrences.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { defaultPolicy, resolvePolicy, type Policy } from '../../../domain/policy.js';
import { listSchedule } from '../../../domain/schedule/list-schedule.js';
import { occurrencesOfPeriod } from '../../../domain/schedule/plan-occurrences.js';

const calendar = createWorkingCalendar([]);
const policyOf = (override: object): Policy => {
  const resolved = resolvePolicy(override);
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  return resolved.policy;
};
const problems = (override: object) => {
  const resolved = resolvePolicy(override);
  return resolved.ok ? [] : resolved.problems;
};
/** Each occurrence of a period as `key date HH:MM` (Asia/Shanghai). */
const when = (policy: Policy, period: 'week' | 'month', start: string) =>
  [...occurrencesOfPeriod(listSchedule(policy), period, start, calendar).values()].map(
    (item) => `${item.key} ${item.date} ${new Date(item.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`,
  );

describe('schedule times as cron expressions', () => {
  it('runs the defaults written as cron expressions exactly as the defaults', () => {
    const policy = policyOf({
      weekly: { problemsAsk: '0 9 * * 2', problemsReminder: '0 16 * * 2', leaderDigest: '0 9 * * 3', meeting: '30 8 * * 5' },
      monthlyDays: { signedList: '0 9 1 * *', ranking: '0 9 22 * *' },
    });
    expect(listSchedule(policy)).toEqual(listSchedule(defaultPolicy));
  });

  it('moves a step to the time and day its expression names, once a period', () => {
    const policy = policyOf({ weekly: { meeting: '0 15 * * 5' }, monthlyDays: { ranking: '30 8 25 * *' } });
    expect(when(policy, 'week', '2026-11-23')).toEqual([
      'weekly-tue:2026-W48 2026-11-24 09:00',
      'weekly-tue-reminder:2026-W48 2026-11-24 16:00',
      'weekly-wed:2026-W48 2026-11-25 09:00',
      'weekly-fri:2026-W48 2026-11-27 15:00',
    ]);
    // 2026-11-25 is a Wednesday; the other monthly steps keep monthlyTime.
    expect(when(policy, 'month', '2026-11-01')).toContain('monthly-25:2026-11 2026-11-25 08:30');
    expect(when(policy, 'month', '2026-11-01')).toContain('monthly-20:2026-11 2026-11-20 09:00');
  });

  it('refuses, naming the key, what is no single time a period', () => {
    expect(problems({ weekly: { problemsAsk: '0 25 * * 2' } })).toEqual([
      'weekly.problemsAsk: expected HH:MM or a cron expression "M H * * 2": not a cron expression (node-cron)',
    ]);
    expect(problems({ weekly: { leaderDigest: '*/30 9 * * 3' } })).toEqual([
      'weekly.leaderDigest: expected HH:MM or a cron expression "M H * * 3": expected one time of day: "M H * * D" or "M H D * *"',
    ]);
    expect(problems({ weekly: { meeting: '0 9 * * 4' } })).toEqual([
      `weekly.meeting: the weekly chain's days are fixed (003 一(三)5(1)): expected "M H * * 5"`,
    ]);
    expect(problems({ monthlyDays: { signing: '0 9 30 * *' } })).toEqual(['monthlyDays.signing: expected a cron expression "M H D * *" with D from 1 to 28']);
    expect(problems({ monthlyDays: { signing: 29 } })).toEqual(['monthlyDays.signing: expected a day of the month from 1 to 28']);
    expect(problems({ monthlyDays: { ranking: '0 15 20 * *' } })).toEqual(['monthlyDays: each monthly step needs its own day']);
  });
});
