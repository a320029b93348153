import { describe, expect, it } from 'vitest';
import { projectFollowed, transitionStage } from '../../../domain/project/project-stage.js';
import { serviceEnded, transitionService } from '../../../domain/project/service-state.js';

describe('transitionService', () => {
  it('walks the service 未受理 → 受理 → 审批中 → 办结', () => {
    expect(transitionService('unaccepted', 'accept')).toEqual({ ok: true, to: 'accepted' });
    expect(transitionService('accepted', 'dispatch')).toEqual({ ok: true, to: 'approving' });
    expect(transitionService('approving', 'dispatch')).toEqual({ ok: true, to: 'approving' });
    expect(transitionService('approving', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses steps out of order, naming the current service state', () => {
    expect(transitionService('unaccepted', 'dispatch')).toEqual({ ok: false, code: 'SERVICE_NOT_ALLOWED', service: 'unaccepted' });
    expect(transitionService('accepted', 'accept')).toEqual({ ok: false, code: 'SERVICE_NOT_ALLOWED', service: 'accepted' });
    expect(transitionService('closed', 'dispatch')).toEqual({ ok: false, code: 'SERVICE_NOT_ALLOWED', service: 'closed' });
  });

  it('terminates from any open state but never after the end', () => {
    expect(transitionService('unaccepted', 'terminate')).toEqual({ ok: true, to: 'terminated' });
    expect(transitionService('approving', 'terminate')).toEqual({ ok: true, to: 'terminated' });
    expect(transitionService('closed', 'terminate')).toEqual({ ok: false, code: 'SERVICE_NOT_ALLOWED', service: 'closed' });
    expect(transitionService('terminated', 'close')).toEqual({ ok: false, code: 'SERVICE_NOT_ALLOWED', service: 'terminated' });
  });

  it('allows rating only once service has ended', () => {
    expect(serviceEnded('closed')).toBe(true);
    expect(serviceEnded('terminated')).toBe(true);
    expect(serviceEnded('approving')).toBe(false);
  });
});

describe('transitionStage', () => {
  it('walks 签约 → 开工 → 竣工投产 → 入库 whether the service runs or has ended with 办结', () => {
    for (const service of ['unaccepted', 'approving', 'closed']) {
      expect(transitionStage('signed', service, 'start')).toEqual({ ok: true, to: 'started' });
      expect(transitionStage('started', service, 'produce')).toEqual({ ok: true, to: 'producing' });
      expect(transitionStage('producing', service, 'enroll')).toEqual({ ok: true, to: 'enrolled' });
    }
  });

  it('refuses a stage skipped or already past, and any stage after 终止', () => {
    expect(transitionStage('signed', 'approving', 'produce')).toEqual({ ok: false, code: 'NOT_YET', stage: 'signed', needs: 'started' });
    expect(transitionStage('started', 'closed', 'enroll')).toEqual({ ok: false, code: 'NOT_YET', stage: 'started', needs: 'producing' });
    expect(transitionStage('producing', 'closed', 'start')).toEqual({ ok: false, code: 'ALREADY_PAST', stage: 'producing' });
    expect(transitionStage('signed', 'terminated', 'start')).toEqual({ ok: false, code: 'SERVICE_TERMINATED' });
  });

  it('follows a project until 入库 after 办结, and never after 终止', () => {
    expect(projectFollowed({ service: 'closed', stage: 'started' })).toBe(true);
    expect(projectFollowed({ service: 'closed', stage: 'enrolled' })).toBe(false);
    expect(projectFollowed({ service: 'approving', stage: 'enrolled' })).toBe(true);
    expect(projectFollowed({ service: 'terminated', stage: 'signed' })).toBe(false);
  });
});
