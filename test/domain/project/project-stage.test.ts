import { describe, expect, it } from 'vitest';
import { serviceEnded, transitionProject } from '../../../domain/project/project-stage.js';

describe('transitionProject', () => {
  it('walks the life cycle 签约 → 受理 → 审批 → 开工 → 投产 → 办结', () => {
    expect(transitionProject('signed', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(transitionProject('accepted', 'dispatch')).toEqual({ ok: true, to: 'approving' });
    expect(transitionProject('approving', 'dispatch')).toEqual({ ok: true, to: 'approving' });
    expect(transitionProject('approving', 'start')).toEqual({ ok: true, to: 'started' });
    expect(transitionProject('started', 'dispatch')).toEqual({ ok: true, to: 'started' });
    expect(transitionProject('started', 'produce')).toEqual({ ok: true, to: 'producing' });
    expect(transitionProject('producing', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses steps out of order, naming the current stage', () => {
    expect(transitionProject('signed', 'dispatch')).toEqual({ ok: false, code: 'STAGE_NOT_ALLOWED', stage: 'signed' });
    expect(transitionProject('accepted', 'accept')).toEqual({ ok: false, code: 'STAGE_NOT_ALLOWED', stage: 'accepted' });
    expect(transitionProject('signed', 'produce')).toEqual({ ok: false, code: 'STAGE_NOT_ALLOWED', stage: 'signed' });
  });

  it('terminates from any open stage but never after the end', () => {
    expect(transitionProject('signed', 'terminate')).toEqual({ ok: true, to: 'terminated' });
    expect(transitionProject('producing', 'terminate')).toEqual({ ok: true, to: 'terminated' });
    expect(transitionProject('closed', 'terminate')).toEqual({ ok: false, code: 'STAGE_NOT_ALLOWED', stage: 'closed' });
    expect(transitionProject('terminated', 'close')).toEqual({ ok: false, code: 'STAGE_NOT_ALLOWED', stage: 'terminated' });
  });

  it('allows rating only once service has ended', () => {
    expect(serviceEnded('closed')).toBe(true);
    expect(serviceEnded('terminated')).toBe(true);
    expect(serviceEnded('approving')).toBe(false);
  });
});
