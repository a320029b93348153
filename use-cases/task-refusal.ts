// The expected refusals of the task use cases (报到, 告知, 办结, 退回, 中止, 恢复, 撤销) as values with stable
// codes; handlers/shared/task-refusal.ts words each in one Chinese sentence at the edge (docs/architecture.md).
export type TaskRefusal =
  | { ok: false; code: 'TASK_NOT_FOUND' }
  | { ok: false; code: 'NOT_YOUR_UNIT'; unitName: string }
  | { ok: false; code: 'TASK_ALREADY_TAKEN'; /** Null when the taker is no longer in the roster. */ by: string | null; at: Date }
  | { ok: false; code: 'TASK_NOT_TAKEN'; taskId: number }
  | { ok: false; code: 'TASK_SUSPENDED'; taskId: number }
  | { ok: false; code: 'TASK_NOT_SUSPENDED' }
  | { ok: false; code: 'TASK_CLOSED'; state: string }
  | { ok: false; code: 'REASON_REQUIRED'; example: string };

/** A command that needs a reason (退回, 中止, 撤销) came without one; the handler shows an example for the task. */
export type ReasonMissing = { ok: false; code: 'REASON_MISSING'; taskId: number };
