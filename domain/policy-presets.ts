// Jurisdiction profiles: each names the policy values its own seed document sets, over the
// defaults (domain/policy.ts: 镇平's schedule and 大姚's process). POLICY_PRESET picks one and
// POLICY_FILE overrides any part on top (docs/domain.md "Profiles", whose citation forms these use).
// What a seed sets but the policy cannot express is left out and said so here, not approximated.

/** A part of a policy: any key, any depth (arrays are replaced whole). */
type PolicyPart = { readonly [key: string]: unknown };

export const policyPresets = {
  /** The defaults as they are: 003's weekly and monthly chain, its 90/50-working-day start deadlines. */
  镇平: {},
  /**
   * 002's process: 5,000万 scope (三), team in 1 working day (五(三)), plan 1 working day after
   * (五(四)), 报到 at the window within 30 minutes (五(五)). The defaults came from 002, so nothing
   * differs from 镇平; the preset names them so a county choosing 大姚 keeps them if the defaults move.
   */
  大姚: {
    minInvestmentWan: 5000, // 002 三: 投资规模在5000万元以上
    teamWorkingDays: 1, // 002 五(三): 于1个工作日内组建服务团队
    planWorkingDays: 1, // 002 五(四): 组建后1个工作日内制定服务方案
    ackTimeoutMinutes: 30, // 002 五(五): 原则上应于30分钟内到达专窗领受任务
  },
  /**
   * 004 serves every 招商引资 project, every key project and every self-funded project in the city
   * (二(一)), with no investment floor. Its lists (项目清单、事项清单、材料清单, 三(一)) are the
   * catalogue and the ledger, not policy values.
   */
  中卫: {
    minInvestmentWan: 0, // 004 二(一): 实施范围 names projects, no investment amount
  },
  /**
   * 001: service from 1,000万 (001 帮扶 一(一)); a problem with a clear legal answer gets feedback
   * within 3 days (001 洽谈 二(二)3); a complaint a written reply within 7 working days (001 投产
   * 二(五)2). Its system update every Friday (001 储备 五(二)) is not a policy value: the weekdays
   * of the weekly chain are fixed (Friday's is the 周例会 agenda, weekly.meeting). Its negotiation
   * teams by 10亿 / 1亿 (001 洽谈 二(一)) come before 签约, where the bot does not serve.
   */
  营口: {
    minInvestmentWan: 1000, // 001 帮扶 一(一): 投资1000万元人民币以上(含1000万元)的项目
    problemFirstAnswerDays: 3, // 001 洽谈 二(二)3: 最迟3日内意见反馈给项目方
    ratingComplaintWorkingDays: 7, // 001 投产 二(五)2: 必须在7个工作日内书面答复
    // 001 帮扶 一(二): 投资5亿元以上(含5亿元)的重大项目(不含房地产业项目)，由副市级以上领导牵头
    leaderTier: { cityLeaderFromWan: 50000, exceptIndustries: ['房地产'] },
  },
  /**
   * 000: the 服务绿卡 module (第二条 eligibility, 第四条(四) revocation, 第四条(五) validity and renewal)
   * and 12345 complaints answered within 3 working days (第六条). Its approvals 50 % faster than
   * promised (第三条(五)) and 省级 1000 个重点督办项目 (第二条) are the reviewers' check, not values.
   */
  绵阳: {
    ratingComplaintWorkingDays: 3, // 000 第六条: 在3个工作日内予以答复
    greenCard: {
      validYears: 2, // 000 第四条(五): 有效期为两年
      renewalWindowDays: 60, // 000 第四条(五): 在有效期结束前60天内…提出续用申请
      reminderTime: '09:00',
      reapplyBarYears: 3, // 000 第四条(四)1(8): 被注销…的项目，三年内不得再次申请
      // 000 第二条(一)(二)(三): 新签约投资额 5亿 / 10亿 / 20亿元以上, by industry.
      minInvestmentWanByIndustry: {
        电子信息: 50000,
        汽车: 50000,
        新材料: 50000,
        节能环保: 50000,
        高端装备制造: 50000,
        食品饮料: 50000,
        现代农业: 50000,
        科技服务: 100000,
        现代金融: 100000,
        电子商务: 100000,
        会展: 100000,
        文化创意: 100000,
        现代物流: 200000,
        旅游: 200000,
        健康养老: 200000,
      },
    },
  },
} as const satisfies Record<string, PolicyPart>;

export type PresetName = keyof typeof policyPresets;

/** 镇平 first: the default. */
export const presetNames = Object.keys(policyPresets) as [PresetName, ...PresetName[]];
