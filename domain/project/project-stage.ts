// The project's own stages (docs/domain.md "Project life cycle"): 储备 and 在谈 (001) stay outside the bot;
// a registered project is 签约 (003 一(一)3), then 开工 (003 一(二)4(3)), 竣工投产 (003 一(四)6) and 入库
// (入库管理, 003 一(四)6). They move on whether the 帮办代办 service runs or has ended with 办结; 终止 (002 五(八))
// takes the project off the county's books, so its stage stays where it was.

export const stageNames = {
  signed: '签约',
  started: '开工',
  producing: '竣工投产',
  enrolled: '入库',
} as const;

export type Stage = keyof typeof stageNames;

export type StageAction = 'start' | 'produce' | 'enroll';

/** Each step: the stage it needs, the stage it gives, the command word and the date column. */
export const stageSteps = {
  start: { from: 'signed', to: 'started', word: '开工', field: 'startedOn' },
  produce: { from: 'started', to: 'producing', word: '投产', field: 'producedOn' },
  enroll: { from: 'producing', to: 'enrolled', word: '入库', field: 'enrolledOn' },
} as const satisfies Record<StageAction, { from: Stage; to: Stage; word: string; field: string }>;

export type StageChange =
  | { ok: true; to: Stage }
  | { ok: false; code: 'SERVICE_TERMINATED' }
  | { ok: false; code: 'ALREADY_PAST'; stage: Stage }
  | { ok: false; code: 'NOT_YET'; stage: Stage; needs: Stage };

const order: readonly Stage[] = ['signed', 'started', 'producing', 'enrolled'];

/**
 * @example transitionStage('signed', 'closed', 'start') // { ok: true, to: 'started' }
 * @example transitionStage('signed', 'approving', 'produce') // { ok: false, code: 'NOT_YET', stage: 'signed', needs: 'started' }
 */
export function transitionStage(stage: string, service: string, action: StageAction): StageChange {
  if (service === 'terminated') return { ok: false, code: 'SERVICE_TERMINATED' };
  const current = asStage(stage);
  const step = stageSteps[action];
  if (current === step.from) return { ok: true, to: step.to };
  if (order.indexOf(current) > order.indexOf(step.from)) return { ok: false, code: 'ALREADY_PAST', stage: current };
  return { ok: false, code: 'NOT_YET', stage: current, needs: step.from };
}

export function asStage(stage: string): Stage {
  if (stage in stageNames) return stage as Stage;
  throw new Error(`unknown project stage "${stage}"`);
}

/** Whether the county still follows the project (lights, 进度 lists, digests): not after 终止, nor once 入库 with the service ended. */
export function projectFollowed(project: { service: string; stage: string }): boolean {
  if (project.service === 'terminated') return false;
  return !(project.service === 'closed' && project.stage === 'enrolled');
}
