// Investment is kept in 万元, the unit of the seeds' thresholds (5,000万元, 002 三; 5亿/10亿/20亿, 000).

export type ParsedInvestment = { ok: true; wan: number } | { ok: false; code: 'BAD_INVESTMENT' };

const MULTIPLIER: Record<string, number> = { 亿: 10_000, 千万: 1_000, 百万: 100, 万: 1 };

/**
 * @example parseInvestment('3.5亿') // { ok: true, wan: 35000 }
 * @example parseInvestment('12000万元') // { ok: true, wan: 12000 }
 * @example parseInvestment('8000') // { ok: true, wan: 8000 } (a bare number is 万元)
 */
export function parseInvestment(text: string): ParsedInvestment {
  const normalized = toHalfWidth(text).replace(/[\s,，]/g, '');
  const match = /^(\d+(?:\.\d+)?)(亿|千万|百万|万)?元?$/.exec(normalized);
  if (!match) return { ok: false, code: 'BAD_INVESTMENT' };
  const wan = Math.round(Number(match[1]) * MULTIPLIER[match[2] ?? '万']! * 100) / 100;
  return wan > 0 ? { ok: true, wan } : { ok: false, code: 'BAD_INVESTMENT' };
}

/** @example formatInvestment(35000) // '3.5亿元' */
export function formatInvestment(wan: number): string {
  if (wan >= 10_000) return `${Number((wan / 10_000).toFixed(4))}亿元`;
  return `${Number(wan.toFixed(2))}万元`;
}

/** Full-width digits and point (０-９, ．) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}
