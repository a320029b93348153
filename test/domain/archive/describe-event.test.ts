import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../domain/archive/describe-event.js';
import { formatDuration } from '../../../domain/calendar/format-duration.js';

describe('describeEvent', () => {
  it('names task events with their task number and facts', () => {
    expect(describeEvent({ kind: 'task.taken', taskId: 3, after: { minutesAfterPosting: 12 } })).toBe('T3 报到（派单后 12 分钟）');
    expect(describeEvent({ kind: 'task.taken', taskId: 3, after: { minutesAfterPosting: 45, late: true } })).toBe('T3 报到（派单后 45 分钟，超时）');
    expect(describeEvent({ kind: 'task.escalated', taskId: 4, after: { escalationStep: 2 } })).toBe('T4 超时未报到，第 2 级提醒');
    expect(describeEvent({ kind: 'task.returned', taskId: 5, after: { reason: '缺少环评批复' } })).toBe('T5 退回：缺少环评批复');
    expect(describeEvent({ kind: 'task.no_more_materials', taskId: 6, after: {} })).toBe('T6 无需企业补充材料');
  });

  it('names the one-time notice of materials at 派单, and whether the enterprise received it', () => {
    const items = [{ taskId: 1, itemName: '环境影响评价审批', materials: ['环评审批申请'] }];
    expect(describeEvent({ kind: 'project.materials_told', taskId: null, after: { told: true, items } })).toBe('一次性告知企业 1 个事项的材料');
    expect(describeEvent({ kind: 'project.materials_told', taskId: null, after: { told: false, items } })).toBe(
      '一次性告知企业 1 个事项的材料（企业联络员未绑定，已记录）',
    );
  });

  it('names project events in the glossary', () => {
    expect(describeEvent({ kind: 'project.stage_changed', taskId: null, after: { stage: 'approving' } })).toBe('阶段改为审批中');
    expect(describeEvent({ kind: 'project.phase_changed', taskId: null, after: { phase: 2 } })).toBe('进入工程建设许可阶段');
    expect(describeEvent({ kind: 'project.rated', taskId: null, after: { score: 5, comment: '很好' } })).toBe('企业评价 5 分：很好');
  });

  it('falls back to the kind for events it does not know', () => {
    expect(describeEvent({ kind: 'roster.imported', taskId: null, after: null })).toBe('roster.imported');
  });
});

describe('formatDuration', () => {
  it('uses minutes, hours or days', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 分钟');
    expect(formatDuration(5 * 3_600_000)).toBe('5 小时');
    expect(formatDuration(50 * 3_600_000)).toBe('2 天');
  });
});
