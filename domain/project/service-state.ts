// The 帮办代办 service of a project (docs/domain.md "Project life cycle"): 未受理 → 受理 (002 五(二)) → 审批中
// from the first 派单 (002 五(五)) → 办结 (办结单, 002 五(八)) or, at any point, 终止 with a reason (终止单,
// 002 五(八)). The project's own stage (签约 → 开工 → 投产 → 入库) is apart: domain/project/project-stage.ts.

export const serviceNames = {
  unaccepted: '未受理',
  accepted: '已受理',
  approving: '审批中',
  closed: '已办结',
  terminated: '已终止',
} as const;

export type ServiceState = keyof typeof serviceNames;

export type ServiceAction = 'accept' | 'dispatch' | 'close' | 'terminate';

const rules: Record<ServiceAction, { from: readonly ServiceState[]; to: ServiceState }> = {
  accept: { from: ['unaccepted'], to: 'accepted' },
  dispatch: { from: ['accepted', 'approving'], to: 'approving' },
  close: { from: ['accepted', 'approving'], to: 'closed' },
  terminate: { from: ['unaccepted', 'accepted', 'approving'], to: 'terminated' },
};

export type ServiceChange = { ok: true; to: ServiceState } | { ok: false; code: 'SERVICE_NOT_ALLOWED'; service: ServiceState };

/**
 * @example transitionService('unaccepted', 'accept') // { ok: true, to: 'accepted' }
 * @example transitionService('closed', 'terminate') // { ok: false, code: 'SERVICE_NOT_ALLOWED', service: 'closed' }
 */
export function transitionService(service: string, action: ServiceAction): ServiceChange {
  const current = asServiceState(service);
  const rule = rules[action];
  if (!rule.from.includes(current)) return { ok: false, code: 'SERVICE_NOT_ALLOWED', service: current };
  return { ok: true, to: rule.to };
}

/** The service has ended: the enterprise may rate it (满意度评价, 002 五(九)). */
export function serviceEnded(service: string): boolean {
  return service === 'closed' || service === 'terminated';
}

/** The service is under way: the team, the plan and the cards belong to it (002 五(三)–(五)). */
export function serviceRunning(service: string): boolean {
  return service === 'accepted' || service === 'approving';
}

export function asServiceState(service: string): ServiceState {
  if (service in serviceNames) return service as ServiceState;
  throw new Error(`unknown service state "${service}"`);
}
