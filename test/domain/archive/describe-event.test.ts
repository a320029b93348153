import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../domain/archive/describe-event.js';
import { describeDelivery } from '../../../domain/archive/describe-delivery.js';
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
    expect(describeEvent({ kind: 'project.service_changed', taskId: null, after: { service: 'approving' } })).toBe('服务改为审批中');
    expect(describeEvent({ kind: 'project.stage_changed', taskId: null, after: { stage: 'started', startedOn: '2026-11-20' } })).toBe(
      '项目阶段改为开工（2026-11-20）',
    );
    // Written before the service and the stage were apart: the service's word in `stage`.
    expect(describeEvent({ kind: 'project.stage_changed', taskId: null, after: { stage: 'approving' } })).toBe('服务改为审批中');
    expect(describeEvent({ kind: 'project.phase_changed', taskId: null, after: { phase: 2 } })).toBe('进入工程建设许可阶段');
    expect(describeEvent({ kind: 'project.rated', taskId: null, after: { score: 5, comment: '很好' } })).toBe('企业评价 5 分：很好');
  });

  it('names items and people, not codes and ids', () => {
    const names = {
      item: (code: string) => ({ 'ZR-04': '建设用地规划许可', 'HB-01': '环境影响评价审批' })[code] ?? code,
      person: (id: number) => `人${id}`,
      official: (id: number) => `自然资源局 责任领导 人${id}`,
    };
    expect(describeEvent({ kind: 'task.posted', taskId: 7, after: { itemCode: 'ZR-04' } }, names)).toBe('T7 派单「建设用地规划许可」');
    expect(describeEvent({ kind: 'plan.changed', taskId: null, after: { added: ['ZR-04', 'HB-01'] } }, names)).toBe(
      '方案增加 「建设用地规划许可」「环境影响评价审批」',
    );
    expect(describeEvent({ kind: 'task.escalated', taskId: 4, after: { escalationStep: 1, told: [3, 9] } }, names)).toBe(
      'T4 超时未报到，第 1 级提醒，已提醒 自然资源局 责任领导 人3、自然资源局 责任领导 人9',
    );
    expect(describeEvent({ kind: 'task.escalated', taskId: 4, after: { escalationStep: 2, told: [] } }, names)).toBe('T4 超时未报到，第 2 级提醒，无人可提醒');
    expect(describeEvent({ kind: 'project.entrusted', taskId: null, after: { scope: 'part', items: ['ZR-04'] } }, names)).toBe(
      '签订委托协议：部分帮办代办「建设用地规划许可」',
    );
    expect(describeEvent({ kind: 'project.entrusted', taskId: null, after: { scope: 'all', client: '某某公司 张三' } }, names)).toBe(
      '签订委托协议：全程帮办代办（委托方 某某公司 张三）',
    );
    expect(describeEvent({ kind: 'project.revisited', taskId: null, after: { text: '企业反馈用电报装已完成' } })).toBe('回访：企业反馈用电报装已完成');
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

describe('describeDelivery', () => {
  it('says whether the notice reached the enterprise, in one short line', () => {
    expect(describeDelivery({ text: 'P1 光伏组件项目 已于 2026-11-20 开工。', state: 'sent' })).toBe('送达企业：P1 光伏组件项目 已于 2026-11-20 开工。');
    expect(describeDelivery({ text: `【一次性告知】P1\n1. ${'材'.repeat(70)}`, state: 'failed' })).toBe(
      `未能送达企业（发送失败）：【一次性告知】P1 1. ${'材'.repeat(47)}…`,
    );
    expect(describeDelivery({ text: 'P1 办结', state: 'pending' })).toBe('待送达企业：P1 办结');
  });
});
