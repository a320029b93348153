// The project life cycle the bot tracks (docs/domain.md "Project life cycle"): 签约 (003) → 受理 (002 五(二))
// → 审批 in four phases (004 三(一)2) → 开工 → 投产, ending with 办结 (办结单, 002 五(八)) or, at any
// point, 终止 with a reason (终止单, 002 五(八)).

export const stageNames = {
  signed: '已签约',
  accepted: '已受理',
  approving: '审批中',
  started: '已开工',
  producing: '已投产',
  closed: '已办结',
  terminated: '已终止',
} as const;

export type Stage = keyof typeof stageNames;

export type ProjectAction = 'accept' | 'dispatch' | 'start' | 'produce' | 'close' | 'terminate';

const open: Stage[] = ['signed', 'accepted', 'approving', 'started', 'producing'];

// 竣工验收 items (phase 4) are dispatched after construction has started, so dispatch stays open then.
const rules: Record<ProjectAction, { from: readonly Stage[]; to: (stage: Stage) => Stage }> = {
  accept: { from: ['signed'], to: () => 'accepted' },
  dispatch: { from: ['accepted', 'approving', 'started'], to: (stage) => (stage === 'accepted' ? 'approving' : stage) },
  start: { from: ['signed', 'accepted', 'approving'], to: () => 'started' },
  produce: { from: ['started'], to: () => 'producing' },
  close: { from: ['accepted', 'approving', 'started', 'producing'], to: () => 'closed' },
  terminate: { from: open, to: () => 'terminated' },
};

export type StageChange = { ok: true; to: Stage } | { ok: false; code: 'STAGE_NOT_ALLOWED'; stage: Stage };

/**
 * @example transitionProject('signed', 'accept') // { ok: true, to: 'accepted' }
 * @example transitionProject('closed', 'terminate') // { ok: false, code: 'STAGE_NOT_ALLOWED', stage: 'closed' }
 */
export function transitionProject(stage: string, action: ProjectAction): StageChange {
  const current = asStage(stage);
  const rule = rules[action];
  if (!rule.from.includes(current)) return { ok: false, code: 'STAGE_NOT_ALLOWED', stage: current };
  return { ok: true, to: rule.to(current) };
}

/** Service has ended: the enterprise may rate it (满意度评价, 002 五(九)). */
export function serviceEnded(stage: string): boolean {
  return stage === 'closed' || stage === 'terminated';
}

export function asStage(stage: string): Stage {
  if (stage in stageNames) return stage as Stage;
  throw new Error(`unknown project stage "${stage}"`);
}
