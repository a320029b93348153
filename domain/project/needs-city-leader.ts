// 营口's leader tier (001 帮扶 一(二); kept after 投产, 001 投产 二(一)2): a project of 5亿元 or more, not
// real estate, is led by a city-level leader. The bot does not pick the leader; 组建团队 says so.
import type { Policy } from '../policy.js';

/** Whether the tier asks a city-level leader for this project; false where no tier is set. */
export function needsCityLeader(project: { investmentWan: number; industry: string }, tier: Policy['leaderTier']): boolean {
  if (tier === null || project.investmentWan < tier.cityLeaderFromWan) return false;
  return !tier.exceptIndustries.some((industry) => project.industry.includes(industry));
}
