// 设置: the policy values a county checks against its own rules, each with where it came from —
// the default, the preset (POLICY_PRESET) or POLICY_FILE (docs/domain.md "Profiles"). Read-only:
// the policy changes with the environment and a restart. One WeCom message (2,048 bytes).
import { formatInvestment } from '../../domain/commands/parse-investment.js';
import type { Policy, PolicySources } from '../../domain/policy.js';
import { listSchedule, type Purpose } from '../../domain/schedule/list-schedule.js';
import type { RegisteredContext } from '../context.js';

/** A step as the schedule runs it: a cron expression in the policy read as its day and time. */
const entryOf = (policy: Policy, purpose: Purpose) => listSchedule(policy).find((entry) => entry.purpose === purpose)!;

interface Line {
  /** The leaf paths of the policy the line shows (domain/policy.ts PolicySources). */
  paths: string[];
  text: (policy: Policy) => string;
}

const lines: Line[] = [
  {
    paths: ['minInvestmentWan'],
    text: (p) => (p.minInvestmentWan === 0 ? '帮办代办：不限投资额' : `帮办代办：投资 ${formatInvestment(p.minInvestmentWan)}起`),
  },
  {
    paths: ['ackTimeoutMinutes', 'secondEscalationMinutes'],
    text: (p) => `单位报到：${p.ackTimeoutMinutes} 分钟，${p.secondEscalationMinutes} 分钟未报到告知领导`,
  },
  {
    paths: ['untakenChase.time', 'untakenChase.superviseFromDay'],
    text: (p) => `未报到催办：每个工作日 ${p.untakenChase.time}，第 ${p.untakenChase.superviseFromDay} 个工作日起督办`,
  },
  { paths: ['teamWorkingDays', 'planWorkingDays'], text: (p) => `组建团队 ${p.teamWorkingDays} 个工作日，服务方案 ${p.planWorkingDays} 个工作日` },
  {
    paths: ['officeHours'],
    text: (p) => `办公时间：${p.officeHours === 'always' ? '全天' : p.officeHours.map((span) => `${span.start}–${span.end}`).join('、')}`,
  },
  {
    paths: ['startAfterSigningWorkingDays', 'startAfterLandListingWorkingDays'],
    text: (p) => `开工期限：签约后 ${p.startAfterSigningWorkingDays}、摘牌后 ${p.startAfterLandListingWorkingDays} 个工作日`,
  },
  {
    paths: ['deadlineReminder.workingDaysLeft', 'deadlineReminder.time'],
    text: (p) => `期限提醒：剩 ${p.deadlineReminder.workingDaysLeft.join('、')} 个工作日时 ${p.deadlineReminder.time}`,
  },
  {
    paths: ['weekly.problemsAsk', 'weekly.problemsReminder', 'weekly.leaderDigest', 'weekly.meeting'],
    text: (p) => {
      const at = (purpose: Purpose) => entryOf(p, purpose).time;
      return `每周：周二 ${at('problemsAsk')} 征集问题（${at('problemsReminder')} 提醒），周三 ${at('leaderDigest')} 报县领导，周五 ${at('meeting')} 例会`;
    },
  },
  {
    paths: [
      'monthlyDays.signedList',
      'monthlyDays.startLedger',
      'monthlyDays.assignment',
      'monthlyDays.progressAsk',
      'monthlyDays.ranking',
      'monthlyDays.signing',
      'monthlyTime',
    ],
    text: (p) => {
      // A step given its own time by a cron expression shows it; the others go at monthlyTime.
      const step = (purpose: Purpose) => {
        const entry = entryOf(p, purpose);
        return `${entry.period === 'month' ? entry.day : ''} 日${entry.time === p.monthlyTime ? '' : ` ${entry.time} `}`;
      };
      return `每月 ${p.monthlyTime}：${step('signedList')}签约清单，${step('startLedger')}开工台账，${step('assignment')}交办，${step('progressAsk')}月报，${step('ranking')}排名，${step('signing')}集中签约`;
    },
  },
  {
    paths: ['overdueReminder.unitLeaderFromDay', 'overdueReminder.superviseFromDay'],
    text: (p) => `逾期督办：第 ${p.overdueReminder.unitLeaderFromDay} 个工作日告知责任领导，第 ${p.overdueReminder.superviseFromDay} 个起督办`,
  },
  {
    paths: ['problemFirstAnswerDays'],
    text: (p) => (p.problemFirstAnswerDays === 0 ? '问题答复期限：不提醒' : `问题答复期限：${p.problemFirstAnswerDays} 天，过期提醒领导`),
  },
  { paths: ['staleProblemDays'], text: (p) => `问题超过 ${p.staleProblemDays} 天列入周五例会` },
  { paths: ['ratingComplaintWorkingDays'], text: (p) => `投诉答复、差评回访：${p.ratingComplaintWorkingDays} 个工作日内` },
  {
    paths: ['leaderTier.cityLeaderFromWan', 'leaderTier.exceptIndustries'],
    text: ({ leaderTier: tier }) =>
      tier === null
        ? '领导分级：不提示'
        : `领导分级：投资 ${formatInvestment(tier.cityLeaderFromWan)}以上（不含${tier.exceptIndustries.join('、')}）由市级领导牵头`,
  },
  {
    paths: ['greenCard.validYears', 'greenCard.renewalWindowDays', 'greenCard.reapplyBarYears'],
    text: ({ greenCard: card }) =>
      card === null
        ? '服务绿卡：未启用'
        : `服务绿卡：有效 ${card.validYears} 年，到期前 ${card.renewalWindowDays} 天提醒续用，注销后 ${card.reapplyBarYears} 年内不得再申请`,
  },
  { paths: ['defaultLeadUnit'], text: (p) => `未写责任单位：${p.defaultLeadUnit ?? '登记时请补写'}` },
  {
    paths: ['backups.nightlyAt', 'backups.kept'],
    text: (p) => `备份：${p.backups.nightlyAt === null ? '不自动备份' : `每晚 ${p.backups.nightlyAt}`}，保留 ${p.backups.kept} 份`,
  },
];

export async function showSettings(ctx: RegisteredContext): Promise<void> {
  const shown = lines.map((line) => `· ${line.text(ctx.policy)}（${describeSources(ctx.policySources, line.paths)}）`);
  await ctx.reply(['本县规则（改：POLICY_PRESET 或 POLICY_FILE，重启后生效）', ...shown].join('\n'));
}

/** The sources of a line's values in the order they were layered: 默认, 预设 <名称>, POLICY_FILE. */
function describeSources(sources: PolicySources, paths: string[]): string {
  const found = paths.map((path) => sources[path]);
  const preset = found.find((source) => typeof source === 'object');
  return [found.includes(undefined) && '默认', preset && `预设 ${preset.preset}`, found.includes('POLICY_FILE') && 'POLICY_FILE'].filter(Boolean).join('、');
}
