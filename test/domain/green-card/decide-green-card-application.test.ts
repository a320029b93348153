// 申请绿卡 under 绵阳's rules (000 第二条, 第四条(四)(五)), with explicit dates.
import { describe, expect, it } from 'vitest';
import { decideGreenCardApplication, type GreenCardState } from '../../../domain/green-card/decide-green-card-application.js';
import { policyPresets } from '../../../domain/policy-presets.js';

const rules = policyPresets.绵阳.greenCard;
const decide = (card: GreenCardState | null, industry: string, investmentWan: number, today: string) =>
  decideGreenCardApplication(card, { industry, investmentWan }, rules, today);
const issued = (validUntil: string): GreenCardState => ({ state: 'issued', validUntil, revokedOn: null, renewalApplied: false });

describe('decideGreenCardApplication', () => {
  it('asks 5亿 of a key industry, 10亿 of 科技服务, 20亿 of 现代物流 (第二条)', () => {
    expect(decide(null, '新能源汽车零部件', 50000, '2026-11-23')).toEqual({ ok: true, renewal: false });
    expect(decide(null, '电子信息', 49999, '2026-11-23')).toEqual({ ok: false, code: 'BELOW_THRESHOLD', industry: '电子信息', minWan: 50000 });
    expect(decide(null, '科技服务', 60000, '2026-11-23')).toMatchObject({ ok: false, minWan: 100000 });
    expect(decide(null, '现代物流', 150000, '2026-11-23')).toMatchObject({ ok: false, minWan: 200000 });
    expect(decide(null, '现代物流', 200000, '2026-11-23')).toEqual({ ok: true, renewal: false });
    expect(decide(null, '房地产', 900000, '2026-11-23')).toMatchObject({ ok: false, code: 'INDUSTRY_NOT_COVERED' });
  });

  it('takes a renewal only in the last 60 days of the card (第四条(五))', () => {
    expect(decide(issued('2028-11-23'), '电子信息', 60000, '2028-09-23')).toEqual({
      ok: false,
      code: 'RENEWAL_NOT_YET',
      validUntil: '2028-11-23',
      opensOn: '2028-09-24',
    });
    expect(decide(issued('2028-11-23'), '电子信息', 60000, '2028-09-24')).toEqual({ ok: true, renewal: true });
    expect(decide(issued('2028-11-23'), '电子信息', 60000, '2028-11-23')).toEqual({ ok: true, renewal: true });
    // Past its end the card is applied for anew, against today's standard.
    expect(decide(issued('2028-11-23'), '电子信息', 40000, '2028-11-24')).toMatchObject({ ok: false, code: 'BELOW_THRESHOLD' });
  });

  it('bars a revoked project for three years to the day (第四条(四)1(8))', () => {
    const revoked: GreenCardState = { state: 'revoked', validUntil: '2028-11-23', revokedOn: '2027-03-01', renewalApplied: false };
    expect(decide(revoked, '电子信息', 60000, '2030-02-28')).toEqual({ ok: false, code: 'BARRED', mayApplyOn: '2030-03-01' });
    expect(decide(revoked, '电子信息', 60000, '2030-03-01')).toEqual({ ok: true, renewal: false });
  });

  it('refuses a second application while one waits', () => {
    expect(decide({ state: 'applied', validUntil: null, revokedOn: null, renewalApplied: false }, '电子信息', 60000, '2026-11-23')).toEqual({
      ok: false,
      code: 'ALREADY_APPLIED',
    });
    expect(decide({ ...issued('2028-11-23'), renewalApplied: true }, '电子信息', 60000, '2028-10-01')).toEqual({ ok: false, code: 'ALREADY_APPLIED' });
  });
});
