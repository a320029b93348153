import { describe, expect, it } from 'vitest';
import { checkStageDates, describeStageDateRefusal } from '../../../domain/project/stage-dates.js';

const today = '2026-11-20';

describe('checkStageDates', () => {
  it('accepts dates in order up to today', () => {
    expect(checkStageDates({ signedOn: '2026-03-02', startedOn: '2026-05-03', producedOn: '2026-10-01', enrolledOn: today }, today)).toEqual({ ok: true });
    expect(checkStageDates({ signedOn: '2026-12-28', startedOn: null }, today)).toEqual({ ok: true });
  });

  it('refuses a stage date ahead of today', () => {
    expect(checkStageDates({ startedOn: '2026-11-21' }, today)).toEqual({ ok: false, code: 'IN_FUTURE', label: '开工日期', date: '2026-11-21' });
  });

  it('refuses each stage before the one it follows', () => {
    expect(checkStageDates({ signedOn: '2026-03-02', startedOn: '2026-03-01' }, today)).toMatchObject({
      code: 'OUT_OF_ORDER',
      label: '开工日期',
      earlierLabel: '签约日期',
    });
    expect(checkStageDates({ startedOn: '2026-05-03', producedOn: '2026-05-02' }, today)).toMatchObject({
      code: 'OUT_OF_ORDER',
      label: '投产日期',
      earlierLabel: '开工日期',
    });
    expect(checkStageDates({ producedOn: '2026-10-01', enrolledOn: '2026-09-30' }, today)).toMatchObject({
      code: 'OUT_OF_ORDER',
      label: '入库日期',
      earlierLabel: '投产日期',
    });
    // A 签约日期 moved after the recorded 开工 is refused as well, naming 开工.
    expect(checkStageDates({ signedOn: '2026-06-01', startedOn: '2026-05-03' }, today)).toMatchObject({
      code: 'OUT_OF_ORDER',
      label: '开工日期',
      earlierDate: '2026-06-01',
    });
  });

  it('says what to type instead', () => {
    const refusal = checkStageDates({ startedOn: '2026-05-03', producedOn: '2026-05-02' }, today);
    if (refusal.ok) throw new Error('expected a refusal');
    expect(describeStageDateRefusal(refusal, 1, today)).toBe(
      '投产日期 2026-05-02 早于开工日期 2026-05-03，没有登记。请写 2026-05-03 或之后的日期；若开工日期有误，请发「修改项目 P1 开工日期：正确日期」。',
    );
  });
});
