// Each jurisdiction profile, read as the values where it differs from 镇平 (the defaults), and where
// each value in force came from: the preset, then POLICY_FILE on top (domain/policy-presets.ts).
import { describe, expect, it } from 'vitest';
import { defaultPolicy, resolvePolicy, type Policy } from '../../domain/policy.js';
import { presetNames, type PresetName } from '../../domain/policy-presets.js';

function differences(preset: PresetName): Partial<Policy> {
  const resolved = resolvePolicy(undefined, preset);
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  const entries = Object.entries(resolved.policy).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(defaultPolicy[key as keyof Policy]));
  return Object.fromEntries(entries);
}

describe('jurisdiction profiles', () => {
  it('ships 镇平 (the default), 大姚, 中卫, 营口 and 绵阳', () => {
    expect(presetNames).toEqual(['镇平', '大姚', '中卫', '营口', '绵阳']);
  });

  it.each([
    ['镇平', {}],
    // The defaults' process values came from 002: the preset restates them, nothing differs.
    ['大姚', {}],
    ['中卫', { minInvestmentWan: 0 }],
    // problemFirstAnswerDays 3 and ratingComplaintWorkingDays 7 are 营口's rules the defaults already carry.
    ['营口', { minInvestmentWan: 1000, leaderTier: { cityLeaderFromWan: 50000, exceptIndustries: ['房地产'] } }],
    // 12345 answered in 3 working days (000 第六条) and the 服务绿卡 module, off everywhere else.
    [
      '绵阳',
      {
        ratingComplaintWorkingDays: 3,
        greenCard: expect.objectContaining({
          validYears: 2,
          renewalWindowDays: 60,
          reapplyBarYears: 3,
          minInvestmentWanByIndustry: expect.objectContaining({ 电子信息: 50000, 科技服务: 100000, 现代物流: 200000, 现代农业: 50000 }),
        }),
      },
    ],
  ] as const)('%s differs from 镇平 in %j', (preset, expected) => {
    expect(differences(preset)).toEqual(expected);
  });

  it('keeps 营口 values the defaults happen to share, so they stay if the defaults move', () => {
    const resolved = resolvePolicy(undefined, '营口');
    expect(resolved).toMatchObject({ ok: true, policy: { problemFirstAnswerDays: 3, ratingComplaintWorkingDays: 7 } });
  });

  it('puts POLICY_FILE over the preset and names where each changed value came from', () => {
    const resolved = resolvePolicy({ problemFirstAnswerDays: 2, weekly: { meeting: '15:00' }, unitAliases: { 国土: '自然资源局' } }, '营口');
    expect(resolved).toMatchObject({
      ok: true,
      policy: { minInvestmentWan: 1000, problemFirstAnswerDays: 2, weekly: { problemsAsk: '09:00', meeting: '15:00' } },
    });
    expect(resolved.ok && resolved.sources).toEqual({
      minInvestmentWan: { preset: '营口' },
      problemFirstAnswerDays: 'POLICY_FILE',
      ratingComplaintWorkingDays: { preset: '营口' },
      'leaderTier.cityLeaderFromWan': { preset: '营口' },
      'leaderTier.exceptIndustries': { preset: '营口' },
      'weekly.meeting': 'POLICY_FILE',
      unitAliases: 'POLICY_FILE',
    });
  });

  it('still refuses a bad POLICY_FILE value over a preset', () => {
    expect(resolvePolicy({ minInvestmentWan: -1 }, '中卫')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^minInvestmentWan: /)] });
  });
});
