// The states of a task card (任务分送单, 002 附件5) and the moves between them, like the project's
// stages (domain/project/project-stage.ts): 派单 posts it; 报到 takes it (002 五(五)); 中止/恢复 pause
// and resume its clock; 办结 finishes it and 退回 returns the application with its reasons (004
// 三(二)2); a terminated or closed project cancels what is still open.
export const taskStates = ['posted', 'taken', 'suspended', 'done', 'returned', 'cancelled'] as const;
export type TaskState = (typeof taskStates)[number];

/** States in which the unit still owes the window something; the escalation and reminders watch these. */
export const openTaskStates: readonly TaskState[] = ['posted', 'taken', 'suspended'];

export type TaskMove = 'take' | 'finish' | 'return' | 'suspend' | 'resume' | 'cancel';

const moves: Record<TaskMove, { from: readonly TaskState[]; to: TaskState }> = {
  take: { from: ['posted'], to: 'taken' },
  finish: { from: ['taken'], to: 'done' },
  return: { from: openTaskStates, to: 'returned' },
  suspend: { from: ['taken'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'taken' },
  cancel: { from: openTaskStates, to: 'cancelled' },
};

/** The states a move starts from, e.g. for `loadOwnTask(…, statesFor('finish'))`. */
export function statesFor(move: TaskMove): readonly TaskState[] {
  return moves[move].from;
}

/**
 * @example moveTask('posted', 'take') // { ok: true, to: 'taken' }
 * @example moveTask('done', 'return') // { ok: false, state: 'done' }
 */
export function moveTask(state: string, move: TaskMove): { ok: true; to: TaskState } | { ok: false; state: string } {
  return (moves[move].from as readonly string[]).includes(state) ? { ok: true, to: moves[move].to } : { ok: false, state };
}

// A call (one card per 派单 × project × unit, docs/domain.md "Calls") waits for 报到; 报到 takes it, and
// it is cancelled when no item of it waits any more (退回 or 撤销 before 报到, 终止).
export type CallState = 'posted' | 'taken' | 'cancelled';
export type CallMove = 'take' | 'cancel';

const callMoves: Record<CallMove, { from: readonly CallState[]; to: CallState }> = {
  take: { from: ['posted'], to: 'taken' },
  cancel: { from: ['posted'], to: 'cancelled' },
};

/**
 * @example moveCall('posted', 'take') // { ok: true, to: 'taken' }
 * @example moveCall('taken', 'cancel') // { ok: false, state: 'taken' }
 */
export function moveCall(state: string, move: CallMove): { ok: true; to: CallState } | { ok: false; state: string } {
  return (callMoves[move].from as readonly string[]).includes(state) ? { ok: true, to: callMoves[move].to } : { ok: false, state };
}
