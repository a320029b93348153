// The one Chinese sentence each refusal of the task use cases (use-cases/task-refusal.ts) becomes at the
// edge (docs/architecture.md), and the task states' names.
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import type { TaskRefusal } from '../../use-cases/task-refusal.js';

export const taskStateNames: Record<string, string> = {
  posted: '待报到',
  taken: '办理中',
  suspended: '已中止计时',
  done: '已办结',
  returned: '已退回',
  cancelled: '已撤销',
};

export type { TaskRefusal };

export function describeTaskRefusal(refusal: TaskRefusal): string {
  switch (refusal.code) {
    case 'TASK_NOT_FOUND':
      return '没有找到这个任务，请检查卡片上的任务编号。';
    case 'NOT_YOUR_UNIT':
      return `这个任务属于${refusal.unitName}，只有该单位的代办员或责任领导可以办理。`;
    case 'TASK_ALREADY_TAKEN':
      return `这个任务已由${refusal.by ?? '他人'}于 ${formatShanghai(refusal.at)} 报到。`;
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
