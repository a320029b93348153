import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../domain/commands/parse-contact.js';
import { parseDate } from '../../../domain/commands/parse-date.js';
import { formatInvestment, parseInvestment } from '../../../domain/commands/parse-investment.js';
import { maskMobile } from '../../../domain/mask-mobile.js';

describe('parseInvestment', () => {
  it.each([
    ['3.5亿', 35000],
    ['8000万', 8000],
    ['12000万元', 12000],
    ['3.5亿元', 35000],
    ['５千万', 5000],
    ['1,200万', 1200],
    ['8000', 8000],
  ])('%s is %d 万元', (text, wan) => {
    expect(parseInvestment(text)).toEqual({ ok: true, wan });
  });

  it.each(['三个多亿', 'about 3亿', '', '亿', '万元'])('refuses %j', (text) => {
    expect(parseInvestment(text)).toEqual({ ok: false, code: 'BAD_INVESTMENT' });
  });

  it.each([
    ['0万', 'NOT_POSITIVE'],
    ['-5亿', 'NOT_POSITIVE'],
    ['负3000万', 'NOT_POSITIVE'],
    ['20000亿', 'TOO_LARGE'],
    ['8万亿', 'TOO_LARGE'],
  ])('refuses %j as %s', (text, code) => {
    expect(parseInvestment(text)).toEqual({ ok: false, code });
  });

  it('formats 万元 back for people', () => {
    expect(formatInvestment(35000)).toBe('3.5亿元');
    expect(formatInvestment(8000)).toBe('8000万元');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['3月5日', '2026-03-05'],
    ['今天', '2026-11-20'],
    ['昨天', '2026-11-19'],
  ])('%s is %s', (text, date) => {
    expect(parseDate(text, '2026-11-20')).toEqual({ ok: true, date });
  });

  it.each(['2026-02-30', '下周', '2026-13-01'])('refuses %s', (text) => {
    expect(parseDate(text, '2026-11-20')).toEqual({ ok: false, code: 'BAD_DATE' });
  });
});

describe('parseContact', () => {
  it('splits a name and a mobile in either order', () => {
    expect(parseContact('张三 13800000000')).toEqual({ name: '张三', mobile: '13800000000' });
    expect(parseContact('13800000000张三')).toEqual({ name: '张三', mobile: '13800000000' });
    expect(parseContact('张三')).toEqual({ name: '张三', mobile: null });
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskMobile('13800000000')).toBe('138****0000');
  });
});
