// The task card (任务分送单及回执, 002 附件5): what, for whom, by when to report, and the buttons.
import type { Project, Task } from '../../generated/prisma/client.js';
import type { TaskCard } from '../../bot/outgoing-message.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { isPhase, phaseNames } from '../../domain/catalogue/approval-phases.js';

export function buildTaskCard({ task, project, dispatcher }: { task: Task; project: Project; dispatcher: string }): TaskCard {
  return {
    taskId: task.id,
    title: `任务 T${task.id} · ${task.itemName}`,
    fields: [
      { label: '项目', value: `P${project.id} ${project.name}` },
      { label: '企业', value: project.enterprise || '—' },
      { label: '阶段', value: isPhase(task.phase) ? phaseNames[task.phase] : String(task.phase) },
      { label: '承诺时限', value: `报到后 ${task.promisedDays} 个工作日` },
      { label: '报到期限', value: `${formatShanghai(task.ackDueAt)} 前` },
      { label: '派单', value: dispatcher },
    ],
    actions: [
      { action: 'take', text: '报到' },
      { action: 'finish', text: '办结' },
      { action: 'return', text: '退回' },
    ],
  };
}
