import { describe, expect, it } from 'vitest';
import { parseCommandLine, pickField, splitList } from '../../../domain/commands/parse-command-line.js';

describe('parseCommandLine', () => {
  it('takes the first word as the command and the rest as words', () => {
    expect(parseCommandLine('受理 P12')).toEqual({
      command: '受理',
      args: ['P12'],
      fields: {},
      fieldNames: [],
      text: 'P12',
      refs: [{ kind: 'P', number: 12 }],
      rest: '',
    });
  });

  it('reads fields on the following lines with full- or half-width colons', () => {
    const line = parseCommandLine('登记项目\n名称：光伏组件项目\n投资: 3.5亿\n联系人：张三 13800000000');
    expect(line.command).toBe('登记项目');
    expect(line.fields).toEqual({ 名称: '光伏组件项目', 投资: '3.5亿', 联系人: '张三 13800000000' });
  });

  it('reads fields on the same line, a value running on until the next field', () => {
    const line = parseCommandLine('登记项目 名称：光伏组件 投资：8000万 联系人：张三 13800000000 签约日期：2026-03-02');
    expect(line.fields).toEqual({ 名称: '光伏组件', 投资: '8000万', 联系人: '张三 13800000000', 签约日期: '2026-03-02' });
    expect(line.args).toEqual([]);
  });

  it('keeps words before any field as arguments and treats full-width spaces as spaces', () => {
    const line = parseCommandLine('组建团队　P3 领导 李四');
    expect(line.args).toEqual(['P3', '领导', '李四']);
  });

  it('does not mistake a clock time for a field', () => {
    expect(parseCommandLine('退回 T3 10:30 前未收到材料').args).toEqual(['T3', '10:30', '前未收到材料']);
  });

  it('puts words on following lines among the arguments when no field is open', () => {
    expect(parseCommandLine('告知 T3\n营业执照\n土地证').args).toEqual(['T3', '营业执照', '土地证']);
  });
});

describe('splitList and pickField', () => {
  it('splits lists typed with any common separator', () => {
    expect(splitList('营业执照、土地证，环评批复; 规划许可 章程')).toEqual(['营业执照', '土地证', '环评批复', '规划许可', '章程']);
  });

  it('returns the first synonym that has a value', () => {
    expect(pickField({ 投资额: '3亿', 投资: ' ' }, '投资', '投资额')).toBe('3亿');
    expect(pickField({}, '投资')).toBeUndefined();
  });
});
