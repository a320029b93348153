import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../domain/archive/describe-event.js';
import { classifyProblem } from '../../../domain/problems/classify-problem.js';
import { parseProblem } from '../../../domain/problems/parse-problem.js';
import { canReportProblem, mayAct, transitionProblem } from '../../../domain/problems/problem-rules.js';

describe('parseProblem', () => {
  it.each([
    ['问题 P3 无', { ok: true, projectRef: 'P3', none: true }],
    ['问题 P3 没有', { ok: true, projectRef: 'P3', none: true }],
    ['问题 P3 用地指标不足 建议：县里统筹', { ok: true, projectRef: 'P3', none: false, description: '用地指标不足', suggestion: '县里统筹' }],
    ['问题 P3 电力接入慢 类别：配套', { ok: true, projectRef: 'P3', none: false, description: '电力接入慢', suggestion: '', category: '配套' }],
    // An address is not a field named http: the link stays in the problem (issue 16).
    [
      '问题 P3 方案见 https://pan.example/s/1 建议：看 http://x.example',
      { ok: true, projectRef: 'P3', none: false, description: '方案见 https://pan.example/s/1', suggestion: '看 http://x.example' },
    ],
    ['问题', { ok: false, code: 'PROJECT_REQUIRED' }],
    ['问题 P3', { ok: false, code: 'DESCRIPTION_REQUIRED' }],
  ])('%s', (text, expected) => expect(parseProblem(text)).toEqual(expected));
});

describe('classifyProblem', () => {
  it.each([
    ['土地摘牌迟迟未完成', undefined, '用地'],
    ['施工许可证办理慢', undefined, '手续'],
    ['贷款没有落实', undefined, '资金'],
    ['电力接入', undefined, '配套'],
    ['希望协调', '资金', '资金'],
    ['希望协调', '乱写', '其他'],
  ])('%s (%s) → %s', (description, named, category) => expect(classifyProblem(description, named)).toBe(category));
});

describe('problem rules', () => {
  const audience = { leaderId: 10, contactIds: [20], teamIds: [30], unitIds: [1] };
  const scope = { unitId: 1, leaderId: 10 };
  const person = (id: number, roles: string[], unitId: number | null = null) => ({ id, roles, unitId });

  it('lets the team, the responsible unit, coordinators and the enterprise report', () => {
    expect(canReportProblem(person(30, ['agent'], 2), audience, scope)).toBe(true);
    expect(canReportProblem(person(31, ['agent'], 1), audience, scope)).toBe(true);
    expect(canReportProblem(person(20, ['enterprise']), audience, scope)).toBe(true);
    expect(canReportProblem(person(40, ['window']), audience, scope)).toBe(true);
    expect(canReportProblem(person(41, ['agent'], 2), audience, scope)).toBe(false);
  });

  it('lets only the leader in charge send a problem to the meeting', () => {
    expect(mayAct(person(10, ['county_leader']), 'escalate', scope)).toBe(true);
    expect(mayAct(person(11, ['county_leader']), 'escalate', scope)).toBe(false);
    expect(mayAct(person(31, ['agent'], 1), 'answer', scope)).toBe(true);
    expect(mayAct(person(31, ['agent'], 1), 'close', scope)).toBe(false);
  });

  it.each([
    ['open', 'answer', { ok: true, to: 'answered' }],
    ['escalated', 'answer', { ok: true, to: 'escalated' }],
    ['answered', 'escalate', { ok: true, to: 'escalated' }],
    ['escalated', 'escalate', { ok: false, code: 'PROBLEM_ALREADY_ESCALATED' }],
    ['closed', 'close', { ok: false, code: 'PROBLEM_CLOSED' }],
  ] as const)('%s + %s', (state, action, expected) => expect(transitionProblem(state, action)).toEqual(expected));
});

describe('the archive', () => {
  it.each([
    [{ kind: 'problem.reported', taskId: null, after: { problemId: 5, category: '用地', description: '摘牌未完成' } }, '报送问题 Q5（用地）：摘牌未完成'],
    [{ kind: 'problem.escalated', taskId: null, after: { problemId: 5, text: '请主要领导协调' } }, '问题 Q5 提交周例会，意见：请主要领导协调'],
    [{ kind: 'problem.none_reported', taskId: null, after: { week: '2026-W48' } }, '2026-W48 报无问题'],
  ])('%o', (event, line) => expect(describeEvent(event)).toBe(line));
});
