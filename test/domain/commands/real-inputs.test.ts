// Real-style inputs, as officials type them on phones, each with what the bot must understand.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchUnit } from '../../../domain/catalogue/match-unit.js';
import { describeUnknownUnit, resolveUnit } from '../../../domain/catalogue/resolve-unit.js';
import { matchCommandWord } from '../../../domain/commands/match-command-word.js';
import { parseCommandLine, stripLabel } from '../../../domain/commands/parse-command-line.js';
import { describeInvestmentRefusal, formatInvestment, parseInvestment } from '../../../domain/commands/parse-investment.js';
import { readProjectFields } from '../../../domain/project/project-fields.js';
import { commands } from '../../../handlers/index.js';

const words = commands.map((command) => command.word);

describe('command words', () => {
  it.each([
    ['报到 T4', '报到', 'T4'],
    ['报到T4', '报到', 'T4'],
    ['报到Ｔ４', '报到', 'Ｔ４'],
    ['　报到　T4', '报到', 'T4'],
    ['办结项目 P3', '办结项目', 'P3'],
    ['办结 T3 已批复', '办结', 'T3 已批复'],
    ['办结T3，已批复', '办结', 'T3，已批复'],
    ['受理P12', '受理', 'P12'],
    ['进度', '进度', ''],
    ['进度P2', '进度', 'P2'],
    ['帮助', '帮助', ''],
    ['登记项目\n名称：甲', '登记项目', '名称：甲'],
    ['告知T6 材料：节能报告', '告知', 'T6 材料：节能报告'],
    ['组建团队P1 部门 发改委', '组建团队', 'P1 部门 发改委'],
    ['日历 导入\n2027-01-01,休,元旦', '日历', '导入\n2027-01-01,休,元旦'],
  ])('%j runs %s with %j', (text, word, rest) => {
    expect(matchCommandWord(text, words)).toEqual({ ok: true, word, rest });
  });

  it.each([
    ['报道 T4', '报到', 'T4'],
    ['报道T4', '报到', 'T4'],
    ['抱到 T4', '报到', 'T4'],
    ['半结 T3 已批复', '办结', 'T3 已批复'],
    ['告之 T6 营业执照', '告知', 'T6 营业执照'],
    ['进展 P2', '进度', 'P2'],
    ['受里 P12', '受理', 'P12'],
    ['登记 名称：甲', '登记项目', '名称：甲'],
    ['退会 T3 缺材料', '退回', 'T3 缺材料'],
    ['档按 P1', '档案', 'P1'],
    ['派遣 P1', '派单', 'P1'],
    ['组建团对 P1', '组建团队', 'P1'],
    ['修改 P1 名称：乙', '修改项目', 'P1 名称：乙'],
  ])('%j is a near miss for %s', (text, word, rest) => {
    expect(matchCommandWord(text, [...words, '修改项目'])).toMatchObject({ ok: false, code: 'SUGGEST', word, rest });
  });

  it.each(['你好', '在吗', '谢谢领导', 'hello', '？'])('%j is no command', (text) => {
    expect(matchCommandWord(text, words)).toMatchObject({ ok: false, code: 'UNKNOWN' });
  });
});

describe('references and free text', () => {
  it.each([
    ['报到 T4', [['T', 4]], ''],
    [
      '报到 T4 T8',
      [
        ['T', 4],
        ['T', 8],
      ],
      '',
    ],
    [
      '报到 T8，T13',
      [
        ['T', 8],
        ['T', 13],
      ],
      '',
    ],
    [
      '报到 T8,T13',
      [
        ['T', 8],
        ['T', 13],
      ],
      '',
    ],
    [
      '报到 T8、T13、T21',
      [
        ['T', 8],
        ['T', 13],
        ['T', 21],
      ],
      '',
    ],
    [
      '报到 T8；T13',
      [
        ['T', 8],
        ['T', 13],
      ],
      '',
    ],
    [
      '报到 T8\nT13',
      [
        ['T', 8],
        ['T', 13],
      ],
      '',
    ],
    [
      '报到 t8 t13',
      [
        ['T', 8],
        ['T', 13],
      ],
      '',
    ],
    ['报到 Ｔ８', [['T', 8]], ''],
    [
      '报到 Ｔ８　Ｔ１３',
      [
        ['T', 8],
        ['T', 13],
      ],
      '',
    ],
    ['报到 P2', [['P', 2]], ''],
    ['报到 12', [['bare', 12]], ''],
    ['受理 １２', [['bare', 12]], ''],
    ['报到', [], ''],
    ['办结 T24 批复文号：卫自然资预〔2026〕5号', [['T', 24]], '批复文号：卫自然资预〔2026〕5号'],
    ['办结 T24：已出具批复', [['T', 24]], '已出具批复'],
    ['办结 T24 已出具批复（卫环审〔2026〕12号）', [['T', 24]], '已出具批复（卫环审〔2026〕12号）'],
    ['办结 T24\n已出具批复\n文号见附件', [['T', 24]], '已出具批复\n文号见附件'],
    ['告知 T6 材料：节能报告、项目备案证明', [['T', 6]], '材料：节能报告、项目备案证明'],
    ['告知 T6 营业执照 土地证', [['T', 6]], '营业执照 土地证'],
    ['告知 T6\n营业执照\n土地证', [['T', 6]], '营业执照\n土地证'],
    ['退回 T14 原因：缺少用地预审意见', [['T', 14]], '原因：缺少用地预审意见'],
    ['退回 T3 10:30 前未收到材料', [['T', 3]], '10:30 前未收到材料'],
    ['终止 P6 原因：企业主动撤回', [['P', 6]], '原因：企业主动撤回'],
    ['中止 T5 企业补正材料：2026年12月1日前', [['T', 5]], '企业补正材料：2026年12月1日前'],
    ['开工 P12 2026-06-01', [['P', 12]], '2026-06-01'],
    ['评价 P12 5 服务很好', [['P', 12]], '5 服务很好'],
    ['进度 光伏', [], '光伏'],
    ['办结 T2T3', [], 'T2T3'],
    ['办结 T0 已办', [], 'T0 已办'],
  ])('%j', (text, refs, rest) => {
    const line = parseCommandLine(text);
    expect(line.refs.map((ref) => [ref.kind, ref.number])).toEqual(refs);
    expect(line.rest).toBe(rest);
  });

  it.each([
    ['原因：企业主动撤回', ['原因'], '企业主动撤回'],
    ['原因:企业主动撤回', ['原因'], '企业主动撤回'],
    ['原因 ： 企业主动撤回', ['原因'], '企业主动撤回'],
    ['企业主动撤回', ['原因'], '企业主动撤回'],
    ['材料：节能报告、项目备案证明', ['材料'], '节能报告、项目备案证明'],
    ['批复文号：卫自然资预〔2026〕5号', ['结果'], '批复文号：卫自然资预〔2026〕5号'],
  ])('stripLabel(%j)', (text, labels, expected) => {
    expect(stripLabel(text, labels)).toBe(expected);
  });
});

describe('amounts', () => {
  it.each([
    ['8亿', 80000, '8亿元'],
    ['8亿元', 80000, '8亿元'],
    ['8 亿', 80000, '8亿元'],
    ['８亿', 80000, '8亿元'],
    ['8个亿', 80000, '8亿元'],
    ['八亿', 80000, '8亿元'],
    ['八个亿', 80000, '8亿元'],
    ['两个亿', 20000, '2亿元'],
    ['8亿元人民币', 80000, '8亿元'],
    ['人民币8亿元', 80000, '8亿元'],
    ['800000000元', 80000, '8亿元'],
    ['800,000,000元', 80000, '8亿元'],
    ['30000000元', 3000, '3000万元'],
    ['3000万', 3000, '3000万元'],
    ['3000万元', 3000, '3000万元'],
    ['三千万', 3000, '3000万元'],
    ['三千万元', 3000, '3000万元'],
    ['3千万', 3000, '3000万元'],
    ['一点五亿', 15000, '1.5亿元'],
    ['1.5亿', 15000, '1.5亿元'],
    ['1.5个亿', 15000, '1.5亿元'],
    ['1亿5000万', 15000, '1.5亿元'],
    ['十二亿', 120000, '12亿元'],
    ['三千五百万', 3500, '3500万元'],
    ['0.8亿', 8000, '8000万元'],
    ['5000', 5000, '5000万元'],
    ['12000万元', 12000, '1.2亿元'],
    ['约8亿', 80000, '8亿元'],
    ['8亿左右', 80000, '8亿元'],
    ['壹亿元', 10000, '1亿元'],
    ['五百万元', 500, '500万元'],
    ['50000000', 50000000, '5000亿元'],
  ])('%j is %d 万元 (%s)', (text, wan, shown) => {
    expect(parseInvestment(text)).toEqual({ ok: true, wan });
    expect(formatInvestment(wan)).toBe(shown);
  });

  it.each([
    ['0', '投资「0」必须大于 0，请写成 3.5亿、8000万 或 30000000元。'],
    ['0元', '投资「0元」必须大于 0，请写成 3.5亿、8000万 或 30000000元。'],
    ['-8亿', '投资「-8亿」必须大于 0，请写成 3.5亿、8000万 或 30000000元。'],
    ['负8亿', '投资「负8亿」必须大于 0，请写成 3.5亿、8000万 或 30000000元。'],
    ['20000亿', '投资「20000亿」超过 1万亿元，请检查单位，例如 8亿、8000万 或 800000000元。'],
    ['8万亿', '投资「8万亿」超过 1万亿元，请检查单位，例如 8亿、8000万 或 800000000元。'],
    ['八亿美元', '看不懂投资「八亿美元」，请写成 3.5亿、8000万、三千万 或 30000000元。'],
    ['大概几个亿', '看不懂投资「大概几个亿」，请写成 3.5亿、8000万、三千万 或 30000000元。'],
    ['待定', '看不懂投资「待定」，请写成 3.5亿、8000万、三千万 或 30000000元。'],
  ])('refuses %j', (text, answer) => {
    const parsed = parseInvestment(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(describeInvestmentRefusal(parsed.code, text)).toBe(answer);
  });
});

describe('unit names', () => {
  const units = [
    ...new Set(
      readFileSync('bot/roster/demo-roster.csv', 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[2])
        .filter((name): name is string => Boolean(name)),
    ),
  ].map((name, id) => ({ id, name }));
  it.each([
    ['发改委', '市发展和改革委员会'],
    ['发改', '市发展和改革委员会'],
    ['发改局', '市发展和改革委员会'],
    ['环保局', '市生态环境局'],
    ['生态', '市生态环境局'],
    ['生态环境局', '市生态环境局'],
    ['县生态环境局', '市生态环境局'],
    ['国土局', '市自然资源局'],
    ['自然资源', '市自然资源局'],
    ['住建', '市住房和城乡建设局'],
    ['住建局', '市住房和城乡建设局'],
    ['供电', '国网中卫供电公司'],
    ['供电公司', '国网中卫供电公司'],
    ['水利', '市水务局'],
    ['水务', '市水务局'],
    ['供水', '宁夏水投中卫水务公司'],
    ['市场监管', '市市场监督管理局'],
    ['林业', '市林业局'],
    ['工信', '市工业和信息化局'],
    ['应急', '市应急管理局'],
    ['人防', '市人民防空办公室'],
    ['交通', '市交通运输局'],
    ['审批局', '市审批服务管理局'],
  ])('%j is %s', (typed, name) => {
    expect(resolveUnit(typed, units)).toMatchObject({ ok: true, unit: { name } });
  });

  it.each([
    ['国土', '没有「国土」这个单位，你是不是指：自然资源局？'],
    ['规划', '没有「规划」这个单位，你是不是指：自然资源局？'],
    ['教育局', '没有「教育局」这个单位，请写名册中的单位名称，例如 自然资源局。'],
  ])('%j is refused: %s', (typed, answer) => {
    const found = resolveUnit(typed, units);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(describeUnknownUnit(found.typed, found.suggestions)).toBe(answer);
  });

  it('lets a catalogue item written with a short name find its roster unit', () => {
    expect(matchUnit(['环保局'], units)).toMatchObject({ name: '市生态环境局' });
    expect(matchUnit(['住建'], units)).toMatchObject({ name: '市住房和城乡建设局' });
    expect(matchUnit(['气象局'], units)).toBeUndefined();
  });

  it("uses the admin's short names first", () => {
    expect(resolveUnit('国土', units, { 国土: '自然资源局' })).toMatchObject({ ok: true, unit: { name: '市自然资源局' } });
  });
});

describe('project fields', () => {
  it.each([
    ['登记项目 名称：光伏组件，投资：8亿，企业：某某公司', { name: '光伏组件', investment: '8亿', enterprise: '某某公司' }],
    ['登记项目 名称：光伏组件 投资：8亿 企业：某某公司', { name: '光伏组件', investment: '8亿', enterprise: '某某公司' }],
    ['登记项目\n名称：光伏组件\n投资：8亿\n企业：某某公司', { name: '光伏组件', investment: '8亿', enterprise: '某某公司' }],
    ['登记项目 名称:光伏组件;投资:8亿;企业:某某公司', { name: '光伏组件', investment: '8亿', enterprise: '某某公司' }],
    ['登记项目 项目名称：光伏组件（一期） 投资额：8亿', { name: '光伏组件（一期）', investment: '8亿' }],
    ['登记项目 名称：光伏 总投资：八亿元人民币', { name: '光伏', investment: '八亿元人民币' }],
    ['登记项目 名称：光伏 投资：8亿 联系人：张三 13800000000', { name: '光伏', investment: '8亿', contact: '张三 13800000000' }],
    ['登记项目 名称：光伏 投资：8亿 责任单位：发改委 包抓领导：李四', { name: '光伏', investment: '8亿', leadUnit: '发改委', leader: '李四' }],
    [
      '登记项目 名称：光伏 投资：8亿 签约日期：2026-03-02 土地摘牌日期：2026年5月6日',
      { name: '光伏', investment: '8亿', signedOn: '2026-03-02', landListedOn: '2026年5月6日' },
    ],
    ['登记项目 名称：光伏 投资：8亿 建设内容：年产10万吨组件，配套仓储', { name: '光伏', investment: '8亿', content: '年产10万吨组件，配套仓储' }],
    ['登记项目 名称：光伏 投资：8亿 行业：新能源', { name: '光伏', investment: '8亿', industry: '新能源' }],
    ['登记项目 名称：光伏 投资：8亿 实施企业：某某公司', { name: '光伏', investment: '8亿', enterprise: '某某公司' }],
    ['登记项目 名称：光伏 投资：8亿 电话：138', { name: '光伏', investment: '8亿', contact: '138' }],
    ['登记项目 名称：光伏 联系人：王会计 联系电话：0878-6221234', { name: '光伏', contact: '王会计 0878-6221234' }],
  ])('%j', (text, values) => {
    expect(readProjectFields(parseCommandLine(text).fields)).toEqual({ ok: true, values });
  });

  it.each([
    ['登记项目 名称：光伏 投资额度：8亿', ['投资额度']],
    ['登记项目 名称：光伏 投资：8亿 备注：加急 地址：工业园', ['备注', '地址']],
  ])('%j refuses %j', (text, names) => {
    expect(readProjectFields(parseCommandLine(text).fields)).toMatchObject({ ok: false, code: 'UNKNOWN_FIELD', names });
  });

  it('refuses a name longer than 60 characters', () => {
    expect(readProjectFields({ 名称: '光'.repeat(61) })).toEqual({ ok: false, code: 'TOO_LONG', label: '名称', maxLength: 60 });
  });

  // Issue 16: a look-alike of 光伏组件项目 and a name that reads backwards, as the probe typed them.
  it.each([
    ['登记项目 名称：光伏\u200b组件项目 投资：8亿', '名称'],
    ['登记项目 名称：光伏\u200c组件项目 投资：8亿', '名称'],
    ['登记项目 名称：光伏\u200d组件项目 投资：8亿', '名称'],
    ['登记项目 名称：光伏\u2060组件项目 投资：8亿', '名称'],
    ['登记项目 名称：光伏\u200e组件项目 投资：8亿', '名称'],
    ['登记项目 名称：\u200f目项件组伏光 投资：8亿', '名称'],
    ['登记项目 名称：\u202e目项件组伏光\u202c 投资：8亿', '名称'],
    ['登记项目 名称：\u2067光伏组件项目\u2069 投资：8亿', '名称'],
    ['登记项目 名称：光伏 投资：8亿 实施企业：某某\u200b公司', '企业'],
  ])('%j refuses invisible characters in %s', (text, label) => {
    expect(readProjectFields(parseCommandLine(text).fields)).toEqual({ ok: false, code: 'INVISIBLE', label });
  });

  it('refuses U+FEFF inside a value (the command line reads it as a space, other callers may not)', () => {
    expect(readProjectFields({ 名称: '光伏\ufeff组件项目' })).toEqual({ ok: false, code: 'INVISIBLE', label: '名称' });
  });
});

describe('arguments start with the references', () => {
  it.each([
    ['退回 T14：缺少材料', ['T14', '缺少材料'], {}, '缺少材料'],
    ['办结 T24 批复文号：卫自然资预〔2026〕5号', ['T24'], { 批复文号: '卫自然资预〔2026〕5号' }, '批复文号：卫自然资预〔2026〕5号'],
    ['修改项目 P3 投资：8亿，名称：光伏二期', ['P3'], { 投资: '8亿', 名称: '光伏二期' }, '投资：8亿，名称：光伏二期'],
    ['组建团队 P1 部门 发改委、环保局，住建', ['P1', '部门', '发改委', '环保局', '住建'], {}, '部门 发改委、环保局，住建'],
    ['评价 P12 5分，服务很好', ['P12', '5分', '服务很好'], {}, '5分，服务很好'],
  ])('%j', (text, args, fields, rest) => {
    expect(parseCommandLine(text)).toMatchObject({ args, fields, rest });
  });
});

describe('a 绑定码 with a leading zero', () => {
  it('stays as typed among the arguments', () => {
    expect(parseCommandLine('绑定 012345').args).toEqual(['012345']);
    expect(parseCommandLine('绑定 ０１２３４５').args).toEqual(['012345']);
  });
});
