// The expected refusals of the task commands (报到, 告知, 办结, 退回, 中止, 恢复) as values with stable
// codes, and the one Chinese sentence each becomes at the edge (docs/architecture.md).
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';

export const taskStateNames: Record<string, string> = {
  posted: '待报到',
  taken: '办理中',
  suspended: '已中止计时',
  done: '已办结',
  returned: '已退回',
  cancelled: '已撤销',
};

export type TaskRefusal =
  | { ok: false; code: 'TASK_NOT_FOUND' }
  | { ok: false; code: 'NOT_YOUR_UNIT'; unitName: string }
  | { ok: false; code: 'TASK_ALREADY_TAKEN'; by: string; at: Date }
  | { ok: false; code: 'TASK_NOT_TAKEN'; taskId: number }
  | { ok: false; code: 'TASK_SUSPENDED'; taskId: number }
  | { ok: false; code: 'TASK_NOT_SUSPENDED' }
  | { ok: false; code: 'TASK_CLOSED'; state: string }
  | { ok: false; code: 'REASON_REQUIRED'; example: string };

export function describeTaskRefusal(refusal: TaskRefusal): string {
  switch (refusal.code) {
    case 'TASK_NOT_FOUND':
      return '没有找到这个任务，请检查卡片上的任务编号。';
    case 'NOT_YOUR_UNIT':
      return `这个任务属于${refusal.unitName}，只有该单位的代办员或责任领导可以办理。`;
    case 'TASK_ALREADY_TAKEN':
      return `这个任务已由${refusal.by}于 ${formatShanghai(refusal.at)} 报到。`;
    case 'TASK_NOT_TAKEN':
      return `这个任务还没有报到，请先发送「报到 T${refusal.taskId}」。`;
    case 'TASK_SUSPENDED':
      return `这个任务已中止计时，请先发送「恢复 T${refusal.taskId}」。`;
    case 'TASK_NOT_SUSPENDED':
      return '这个任务没有中止计时。';
    case 'TASK_CLOSED':
      return `这个任务${taskStateNames[refusal.state] ?? refusal.state}，不能再办理。`;
    case 'REASON_REQUIRED':
      return `请写明原因，例如「${refusal.example}」。`;
  }
}
