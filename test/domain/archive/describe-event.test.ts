import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../domain/archive/describe-event.js';
import { formatDuration } from '../../../domain/calendar/format-duration.js';

describe('describeEvent', () => {
  it('names task events with their task number and facts', () => {
    expect(describeEvent({ kind: 'task.taken', taskId: 3, after: { minutesAfterPosting: 12 } })).toBe('T3 报到（派单后 12 分钟）');
    expect(describeEvent({ kind: 'task.taken', taskId: 3, after: { minutesAfterPosting: 45, late: true } })).toBe('T3 报到（派单后 45 分钟，超时）');
    expect(describeEvent({ kind: 'task.escalated', taskId: 4, after: { escalationStep: 2 } })).toBe('T4 超时未报到，第 2 级提醒');
    expect(describeEvent({ kind: 'task.returned', taskId: 5, after: { reason: '缺少环评批复' } })).toBe('T5 退回：缺少环评批复');
  });

  it('names project events in the glossary', () => {
    expect(describeEvent({ kind: 'project.service_changed', taskId: null, after: { service: 'approving' } })).toBe('服务改为审批中');
    expect(describeEvent({ kind: 'project.stage_changed', taskId: null, after: { stage: 'started', startedOn: '2026-11-20' } })).toBe(
      '项目阶段改为开工（2026-11-20）',
    );
    // Written before the service and the stage were apart: the service's word in `stage`.
    expect(describeEvent({ kind: 'project.stage_changed', taskId: null, after: { stage: 'approving' } })).toBe('服务改为审批中');
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
