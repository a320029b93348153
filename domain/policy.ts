// Every threshold, duration and schedule time the bot enforces, with the seeds' values as
// defaults. A preset (POLICY_PRESET, domain/policy-presets.ts) and then POLICY_FILE may override
// any part; the merged result is validated strictly, so an unknown key or a bad value is refused at start.
import { z } from 'zod';
import { policyPresets, type PresetName } from './policy-presets.js';
import { parseScheduleCron } from './schedule/parse-schedule-cron.js';
import { readMonthlyStep } from './schedule/read-monthly-step.js';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = z.string().regex(CLOCK, 'expected HH:MM');
const minutes = z.number().positive();
const workingDays = z.number().int().positive();
// Up to the 28th, so every month has the day.
const DAY_PROBLEM = 'expected a day of the month from 1 to 28';
const dayOfMonth = z.number().int().min(1, DAY_PROBLEM).max(28, DAY_PROBLEM);
/** A weekly step's time: `HH:MM`, or a cron expression on the step's own weekday (`0 9 * * 2`). */
const weeklyTime = (weekday: number) =>
  z.string().superRefine((value, ctx) => {
    if (CLOCK.test(value)) return;
    const cron = parseScheduleCron(value);
    if ('problem' in cron) ctx.addIssue({ code: 'custom', message: `expected HH:MM or a cron expression "M H * * ${weekday}": ${cron.problem}` });
    else if (cron.weekday !== weekday || cron.day !== null)
      ctx.addIssue({ code: 'custom', message: `the weekly chain's days are fixed (003 一(三)5(1)): expected "M H * * ${weekday}"` });
  });
/** A monthly step: its day (sent at monthlyTime), or a cron expression with its day and time (`30 8 22 * *`). */
const monthlyStep = z.union([z.number(), z.string()]).superRefine((value, ctx) => {
  if (typeof value === 'number') {
    if (!dayOfMonth.safeParse(value).success) ctx.addIssue({ code: 'custom', message: DAY_PROBLEM });
    return;
  }
  const cron = parseScheduleCron(value);
  if ('problem' in cron) ctx.addIssue({ code: 'custom', message: `expected a day or a cron expression "M H D * *": ${cron.problem}` });
  else if (cron.day === null || cron.weekday !== null || !dayOfMonth.safeParse(cron.day).success)
    ctx.addIssue({ code: 'custom', message: `expected a cron expression "M H D * *" with D from 1 to 28` });
});

export const policySchema = z
  .object({
    /** 专窗吹哨、部门报到: a called unit reports to the window within 30 minutes (002 五(五)). */
    ackTimeoutMinutes: minutes,
    /** Past this many minutes without 报到, the project's leader and 重点项目办 are told. */
    secondEscalationMinutes: minutes,
    /**
     * A card nobody takes is chased every working morning after the posting day at `time`, to the
     * unit's agents and 责任领导; from the `superviseFromDay`th working day 重点项目办 and the
     * project's leader are told as 督办 too, until it is taken, returned or withdrawn (002 五(六)).
     */
    untakenChase: z.object({ time: clock, superviseFromDay: z.number().int().positive() }).strict(),
    /** Office hours on working days, or "always" for round-the-clock units (and tests). */
    officeHours: z.union([z.literal('always'), z.array(z.object({ start: clock, end: clock }).strict()).min(1)]),
    /** 帮办代办 scope: investment ≥ 5,000万元 (002 三). */
    minInvestmentWan: z.number().nonnegative(),
    /** Team formed within 1 working day of acceptance; plan 1 working day after (002 五(三)(四)). */
    teamWorkingDays: workingDays,
    planWorkingDays: workingDays,
    /** Start construction within 90 working days of signing, 50 of land listing (003 一(二)4(3)). */
    startAfterSigningWorkingDays: workingDays,
    startAfterLandListingWorkingDays: workingDays,
    /** A deadline this close (working days) turns a light yellow. */
    warnBeforeWorkingDays: z.number().int().nonnegative(),
    /** The enterprise contact's 绑定码. */
    bindCodeValidDays: workingDays,
    bindFailuresPerHour: z.number().int().positive(),
    /**
     * Wrong 绑定 codes an hour from all senders together: a guess names no project, so every live code
     * shares this budget, and senders invented by the thousand cannot each spend their own.
     */
    bindFailuresPerHourAll: z.number().int().positive(),
    /** Whether 进度 gives the enterprise the agent's mobile where the unit has no 办公电话 in the roster. */
    enterpriseSeesAgentMobile: z.boolean(),
    /**
     * A complaint is answered within this many working days (营口 7, 001 投产 二(五)2): a `投诉` in writing
     * (docs/domain.md "Complaints"), a rating ≤ 2 by 回访.
     */
    ratingComplaintWorkingDays: workingDays,
    /**
     * Zhenping's weekly chain (003 一(三)5(1)), Asia/Shanghai: Tuesday the teams are asked for
     * their problems and the silent reminded once; Wednesday 重点项目办 and the county leaders get
     * them; Friday the main leaders get the 周例会 agenda. A day off moves to the next working day.
     */
    weekly: z.object({ problemsAsk: weeklyTime(2), problemsReminder: weeklyTime(2), leaderDigest: weeklyTime(3), meeting: weeklyTime(5) }).strict(),
    /**
     * Zhenping's monthly dates (003 一(一)3, 一(二)4(1)–(3), 一(三)5(2)), each sent at monthlyTime, or a
     * cron expression giving a step its own day and time.
     */
    monthlyDays: z
      .object({
        signedList: monthlyStep,
        startLedger: monthlyStep,
        assignment: monthlyStep,
        progressAsk: monthlyStep,
        ranking: monthlyStep,
        signing: monthlyStep,
      })
      .strict()
      // Each date names its occurrence (monthly-22:2026-11), so two steps cannot share a day.
      .refine((steps) => {
        const days = Object.values(steps).map((step) => readMonthlyStep(step, '00:00')?.day ?? step);
        return new Set(days).size === days.length;
      }, 'each monthly step needs its own day'),
    monthlyTime: clock,
    /**
     * 开工期限提醒: on a working day at `time`, the projects whose 90/50-working-day start deadline
     * (003 一(二)4(3)) is exactly one of these working days away are named to their unit, leader and
     * 重点项目办; 002 五(六) asks that late parties be reminded.
     */
    deadlineReminder: z.object({ time: clock, workingDaysLeft: z.array(z.number().int().positive()) }).strict(),
    /**
     * 督办 of an item past its promised working days (002 五(六)): its agent hears every working day,
     * its 责任领导 from the `unitLeaderFromDay`th working day overdue, the project's leader and
     * 重点项目办 from the `superviseFromDay`th.
     */
    overdueReminder: z.object({ unitLeaderFromDay: z.number().int().positive(), superviseFromDay: z.number().int().positive() }).strict(),
    /**
     * 营口's rule (001): a problem gets a first answer within this many days, else its leader is
     * reminded, once; 0 turns the rule off.
     */
    problemFirstAnswerDays: z.number().int().nonnegative(),
    /**
     * A 中止 longer than this many working days is named to 重点项目办 in Wednesday's digest, each
     * week until 恢复 (the pause stops 督办, 002 五(六)); 0 turns it off.
     */
    suspendReportWorkingDays: z.number().int().nonnegative(),
    /** An open problem older than this many days goes on the Friday agenda. */
    staleProblemDays: z.number().int().positive(),
    /**
     * Days a processed incoming message (Inbound) and a finished outgoing one (Outbox) are kept
     * before cron/prune-old-rows.ts deletes them; the Event log keeps the record for ever. At least
     * a day: a kept Inbound row is what makes a platform's redelivery a duplicate.
     */
    retentionDays: z.object({ inbound: z.number().int().min(1), outbox: z.number().int().min(1) }).strict(),
    /**
     * The 责任单位 a project registered without one gets (a unit name or alias), said so in the reply;
     * null leaves it unset and the reply asks for it — never the registering person's own unit.
     */
    defaultLeadUnit: z.string().min(1).nullable(),
    /** A county's own short names for units (`{ "规划局": "自然资源局" }`), tried before the built-in ones. */
    unitAliases: z.record(z.string().min(1), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])),
    /**
     * Backups in DATA_DIR/backups (`npm run backup`): the newest `kept` are kept; the embedded database
     * is copied each night at `nightlyAt` (Asia/Shanghai), null for none (docs/architecture.md "Backups").
     */
    backups: z.object({ kept: z.number().int().min(1), nightlyAt: clock.nullable() }).strict(),
    /**
     * 营口's leader tier (001 帮扶 一(二)): from `cityLeaderFromWan` (万元), industries other than these, a
     * project is led by a city-level leader; 组建团队 says so. Null: no tier.
     */
    leaderTier: z
      .object({ cityLeaderFromWan: z.number().positive(), exceptIndustries: z.array(z.string().min(1)) })
      .strict()
      .nullable(),
    /**
     * 绵阳's 服务绿卡 (000), an optional module: null turns it and its commands off. A card is valid
     * `validYears`; its holders are reminded at `reminderTime` `renewalWindowDays` before it ends; a
     * revoked card bars a new application for `reapplyBarYears`; the least investment (万元) by industry.
     */
    greenCard: z
      .object({
        validYears: z.number().int().positive(),
        renewalWindowDays: z.number().int().positive(),
        reminderTime: clock,
        reapplyBarYears: z.number().int().positive(),
        minInvestmentWanByIndustry: z.record(z.string().min(1), z.number().positive()),
      })
      .strict()
      .nullable(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

export const defaultPolicy: Policy = {
  ackTimeoutMinutes: 30,
  secondEscalationMinutes: 60,
  untakenChase: { time: '08:30', superviseFromDay: 3 },
  officeHours: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '18:00' },
  ],
  minInvestmentWan: 5000,
  teamWorkingDays: 1,
  planWorkingDays: 1,
  startAfterSigningWorkingDays: 90,
  startAfterLandListingWorkingDays: 50,
  warnBeforeWorkingDays: 2,
  bindCodeValidDays: 7,
  bindFailuresPerHour: 5,
  bindFailuresPerHourAll: 30,
  enterpriseSeesAgentMobile: false,
  ratingComplaintWorkingDays: 7,
  weekly: { problemsAsk: '09:00', problemsReminder: '16:00', leaderDigest: '09:00', meeting: '08:30' },
  monthlyDays: { signedList: 1, startLedger: 3, assignment: 5, progressAsk: 20, ranking: 22, signing: 28 },
  monthlyTime: '09:00',
  staleProblemDays: 14,
  deadlineReminder: { time: '09:00', workingDaysLeft: [30, 10, 5] },
  overdueReminder: { unitLeaderFromDay: 3, superviseFromDay: 5 },
  problemFirstAnswerDays: 3,
  suspendReportWorkingDays: 10,
  retentionDays: { inbound: 30, outbox: 30 },
  defaultLeadUnit: null,
  unitAliases: {},
  backups: { kept: 14, nightlyAt: '03:00' },
  leaderTier: null,
  greenCard: null,
};

/** Where a value in force came from (`设置` shows it): a preset by name, or POLICY_FILE. */
export type PolicySource = { preset: PresetName } | 'POLICY_FILE';

/** The values not left at their default, by dotted path (`weekly.meeting`); an array is one value. */
export type PolicySources = Readonly<Record<string, PolicySource>>;

/**
 * Merges a preset (domain/policy-presets.ts) and then an override (parsed POLICY_FILE JSON) into
 * the defaults and validates the result. Returns the policy and where each non-default value came
 * from, or the problems in one line each ("ackTimeoutMinutes: expected number").
 */
export function resolvePolicy(
  override: unknown,
  preset: PresetName = '镇平',
): { ok: true; policy: Policy; sources: PolicySources } | { ok: false; problems: string[] } {
  const result = policySchema.safeParse(mergeDeep(mergeDeep(defaultPolicy, policyPresets[preset]), override));
  if (result.success) {
    const sources = { ...leafPaths(policyPresets[preset], { preset }), ...leafPaths(override, 'POLICY_FILE' as const) };
    return { ok: true, policy: result.data, sources };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const where = [...issue.path, ...('keys' in issue ? issue.keys : [])].join('.');
      return `${where || '(top level)'}: ${issue.message}`;
    }),
  };
}

function leafPaths(part: unknown, source: PolicySource, prefix = ''): Record<string, PolicySource> {
  if (!isPlainObject(part)) return prefix ? { [prefix]: source } : {};
  // unitAliases is one value: its keys are a county's words, not policy paths.
  if (prefix === 'unitAliases') return { [prefix]: source };
  return Object.assign({}, ...Object.entries(part).map(([key, value]) => leafPaths(value, source, prefix ? `${prefix}.${key}` : key)));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeDeep(base[key], value);
  return merged;
}
