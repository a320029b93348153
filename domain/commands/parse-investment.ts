// Investment is kept in 万元, the unit of the seeds' thresholds (5,000万元, 002 三; 5亿/10亿/20亿, 000).
// People write it every way: 3.5亿, 8亿元人民币, 两个亿, 一点五亿, 三千万, 1亿5000万, 800000000元. A bare
// number is 万元 (the unit of every project list in 003 and 004); with 元 and no 万/亿 it is 元.

export type InvestmentRefusal = 'BAD_INVESTMENT' | 'NOT_POSITIVE' | 'TOO_LARGE';
export type ParsedInvestment = { ok: true; wan: number } | { ok: false; code: InvestmentRefusal };

/** 1万亿元: no county project comes near it, so a larger figure is a typo (an extra 0, 元 for 万). */
export const MAX_INVESTMENT_WAN = 100_000_000;

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const TOKEN = /\d+(?:\.\d+)?|[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖]|[十拾百佰千仟]|万|亿|点[零〇一二两三四五六七八九\d]+/gy;

/**
 * @example parseInvestment('3.5亿') // { ok: true, wan: 35000 }
 * @example parseInvestment('800000000元') // { ok: true, wan: 80000 }
 * @example parseInvestment('一点五亿') // { ok: true, wan: 15000 }
 * @example parseInvestment('8000') // { ok: true, wan: 8000 } (a bare number is 万元)
 */
export function parseInvestment(text: string): ParsedInvestment {
  let value = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (/^(-|负)/.test(value)) return { ok: false, code: 'NOT_POSITIVE' };
  value = value
    .replace(/^(约|总投资|计划投资|投资)/, '')
    .replace(/(人民币|RMB|左右)$/i, '')
    .replace(/^人民币/, '');
  const inYuan = /元$/.test(value);
  value = value.replace(/元$/, '').replace(/个(?=亿|万)/g, '');
  if (!value) return { ok: false, code: 'BAD_INVESTMENT' };

  let total = 0;
  let section = 0;
  let number = 0;
  let bigUnit = false;
  let seen = false;
  TOKEN.lastIndex = 0;
  let consumed = 0;
  for (let match = TOKEN.exec(value); match; match = TOKEN.exec(value)) {
    const token = match[0];
    consumed = TOKEN.lastIndex;
    if (/^\d/.test(token) || token in DIGITS) {
      number = /^\d/.test(token) ? Number(token) : DIGITS[token]!;
      seen = true;
    } else if (token in SMALL_UNITS) {
      seen = true;
      section += (number || 1) * SMALL_UNITS[token]!;
      number = 0;
    } else if (!seen) {
      return { ok: false, code: 'BAD_INVESTMENT' };
    } else if (token === '万') {
      total += (section + number) * 10_000;
      section = number = 0;
      bigUnit = true;
    } else if (token === '亿') {
      total = (total + section + number) * 100_000_000;
      section = number = 0;
      bigUnit = true;
    } else {
      // 点五 after a Chinese integer: the decimal part.
      const fraction = [...token.slice(1)].map((char) => DIGITS[char] ?? char).join('');
      number += Number(`0.${fraction}`);
    }
  }
  if (consumed !== value.length) return { ok: false, code: 'BAD_INVESTMENT' };
  total += section + number;
  const wan = Math.round((bigUnit || inYuan ? total / 10_000 : total) * 100) / 100;
  if (!(wan > 0)) return { ok: false, code: 'NOT_POSITIVE' };
  if (wan > MAX_INVESTMENT_WAN) return { ok: false, code: 'TOO_LARGE' };
  return { ok: true, wan };
}

/** The sentence for a refused amount, with what to type instead. */
export function describeInvestmentRefusal(code: InvestmentRefusal, typed: string): string {
  if (code === 'NOT_POSITIVE') return `投资「${typed}」必须大于 0，请写成 3.5亿、8000万 或 30000000元。`;
  if (code === 'TOO_LARGE') return `投资「${typed}」超过 1万亿元，请检查单位，例如 8亿、8000万 或 800000000元。`;
  return `看不懂投资「${typed}」，请写成 3.5亿、8000万、三千万 或 30000000元。`;
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
