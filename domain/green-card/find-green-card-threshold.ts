// 000 第二条: the least 新签约投资额 for a 服务绿卡 depends on the project's industry (5亿 for the key
// industries and modern agriculture, 10亿 or 20亿 for the modern services). A project's 行业 is typed
// freely, so an industry named inside it counts (新能源汽车零部件 is 汽车).
import type { Policy } from '../policy.js';

export type GreenCardRules = NonNullable<Policy['greenCard']>;

/** The industry of the table the project's 行业 names and its least investment (万元), if any. */
export function findGreenCardThreshold(industry: string, rules: GreenCardRules): { industry: string; minWan: number } | undefined {
  const found = Object.entries(rules.minInvestmentWanByIndustry).find(([name]) => industry.includes(name));
  return found && { industry: found[0], minWan: found[1] };
}
