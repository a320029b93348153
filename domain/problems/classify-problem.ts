// Wednesday's digest sorts problems by category (003 一(三)5(1): 县重点项目办分类汇总). The reporter
// may name one (类别：用地); otherwise the words of the description decide.

export const problemCategories = ['用地', '手续', '资金', '配套', '其他'] as const;
export type ProblemCategory = (typeof problemCategories)[number];

const keywords: [ProblemCategory, RegExp][] = [
  ['用地', /用地|土地|摘牌|征地|拆迁|林地|规划/],
  ['手续', /审批|手续|许可|备案|核准|环评|证|批复|验收/],
  ['资金', /资金|融资|贷款|补贴|奖励|税/],
  ['配套', /水|电|气|路|网|配套|用工/],
];

/**
 * @example classifyProblem('土地摘牌迟迟未完成') // '用地'
 * @example classifyProblem('施工许可证办理慢') // '手续'
 * @example classifyProblem('希望协调', '资金') // '资金'
 */
export function classifyProblem(description: string, named?: string): ProblemCategory {
  const chosen = problemCategories.find((category) => category === named?.trim());
  if (chosen) return chosen;
  return keywords.find(([, pattern]) => pattern.test(description))?.[0] ?? '其他';
}
