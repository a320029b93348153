// 恢复: the paused clock runs again (行政许可法 第45条); the due date moves by the working days it stood still,
// counted from the day of 中止 to the day of 恢复.
import type { Acting } from '../core/acting.js';
import type { WorkingCalendar } from '../domain/calendar/create-working-calendar.js';
import { countWorkingDays } from '../domain/calendar/add-working-days.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { deriveTaskClocks } from '../domain/task/derive-task-clocks.js';
import { moveTaskRow } from '../prisma/call-store.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { loadOwnTask, type OwnTask } from './load-own-task.js';
import type { TaskRefusal } from './task-refusal.js';

export type ResumeResult = TaskRefusal | { ok: true; task: OwnTask; pausedWorkingDays: number; dueOn: string | null; calendar: WorkingCalendar };

export async function resumeTask(acting: Acting, taskId: number | undefined): Promise<ResumeResult> {
  const { tx, now, policy } = acting;
  const found = await loadOwnTask(tx, acting.sender, taskId);
  if (!found.ok) return found;
  const { task } = found;
  if (task.state !== 'suspended' || !task.suspendedAt) return { ok: false, code: 'TASK_NOT_SUSPENDED' };
  const moved = await moveTaskRow(tx, task, 'resume', { suspendedAt: null });
  if (!moved.ok) return { ok: false, code: 'TASK_CLOSED', state: moved.state };
  const calendar = await loadWorkingCalendar(tx);
  const paused = countWorkingDays(calendar, shanghaiDate(task.suspendedAt), shanghaiDate(now));
  const before = task.dueOn ? task.dueOn.toISOString().slice(0, 10) : null;
  await tx.taskSuspension.updateMany({ where: { taskId: task.id, until: null }, data: { until: now, pausedWorkingDays: paused } });
  const suspensions = await tx.taskSuspension.findMany({ where: { taskId: task.id } });
  const { dueOn } = deriveTaskClocks({ ...task.call, takenAt: task.takenAt, promisedDays: task.promisedDays, suspensions }, now, policy, calendar);
  await tx.task.update({ where: { id: task.id }, data: { dueOn: dueOn ? new Date(`${dueOn}T00:00:00Z`) : null } });
  await acting.record({
    kind: 'task.resumed',
    projectId: task.projectId,
    taskId: task.id,
    before: { state: 'suspended', dueOn: before },
    after: { state: 'taken', dueOn, pausedWorkingDays: paused },
  });
  return { ok: true, task, pausedWorkingDays: paused, dueOn, calendar };
}
