// 申请绿卡: whether a project may apply for a 服务绿卡 (000), as a new card or a renewal. A new card
// needs the investment its industry asks (第二条) and no revocation in the last three years
// (第四条(四)1(8)); a renewal is applied for within 60 days before the card ends (第四条(五)); a card
// past its end is applied for anew.
import { addCalendarDays, type IsoDate } from '../calendar/shanghai-time.js';
import { addCalendarYears } from '../calendar/add-calendar-years.js';
import { findGreenCardThreshold, type GreenCardRules } from './find-green-card-threshold.js';

export interface GreenCardState {
  state: 'applied' | 'issued' | 'revoked';
  validUntil: IsoDate | null;
  revokedOn: IsoDate | null;
  renewalApplied: boolean;
}

export type GreenCardApplication =
  | { ok: true; renewal: boolean }
  | { ok: false; code: 'ALREADY_APPLIED' }
  | { ok: false; code: 'BARRED'; mayApplyOn: IsoDate }
  | { ok: false; code: 'RENEWAL_NOT_YET'; validUntil: IsoDate; opensOn: IsoDate }
  | { ok: false; code: 'INDUSTRY_NOT_COVERED'; industries: string[] }
  | { ok: false; code: 'BELOW_THRESHOLD'; industry: string; minWan: number };

export function decideGreenCardApplication(
  card: GreenCardState | null,
  project: { industry: string; investmentWan: number },
  rules: GreenCardRules,
  today: IsoDate,
): GreenCardApplication {
  if (card?.state === 'applied' || card?.renewalApplied) return { ok: false, code: 'ALREADY_APPLIED' };
  if (card?.state === 'revoked' && card.revokedOn !== null) {
    const mayApplyOn = addCalendarYears(card.revokedOn, rules.reapplyBarYears);
    if (today < mayApplyOn) return { ok: false, code: 'BARRED', mayApplyOn };
  }
  if (card?.state === 'issued' && card.validUntil !== null && today <= card.validUntil) {
    const opensOn = addCalendarDays(card.validUntil, -rules.renewalWindowDays);
    return today < opensOn ? { ok: false, code: 'RENEWAL_NOT_YET', validUntil: card.validUntil, opensOn } : { ok: true, renewal: true };
  }
  const threshold = findGreenCardThreshold(project.industry, rules);
  if (!threshold) return { ok: false, code: 'INDUSTRY_NOT_COVERED', industries: Object.keys(rules.minInvestmentWanByIndustry) };
  if (project.investmentWan < threshold.minWan) return { ok: false, code: 'BELOW_THRESHOLD', ...threshold };
  return { ok: true, renewal: false };
}
