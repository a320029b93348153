// The task card (任务分送单及回执, 002 附件5): what, for whom, by when to report, and the buttons.
import type { Project, Task } from '../../generated/prisma/client.js';
import type { TaskCard } from '../../bot/outgoing-message.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { isPhase, phaseNames } from '../../domain/catalogue/approval-phases.js';

/** `taken`: the card after 报到 — who took it, and only the 办结 and 退回 buttons left. */
export function buildTaskCard({ task, project, dispatcher, taken, provisional }: { task: Task; project: Project; dispatcher: string; taken?: string; provisional?: boolean }): TaskCard {
  const card: TaskCard = {
    taskId: task.id,
    title: `任务 T${task.id} · ${task.itemName}`,
    fields: [
      { label: '项目', value: `P${project.id} ${project.name}` },
      { label: '企业', value: project.enterprise || '—' },
      { label: '阶段', value: isPhase(task.phase) ? phaseNames[task.phase] : String(task.phase) },
      { label: '承诺时限', value: `报到后 ${task.promisedDays} 个工作日` },
      { label: '报到期限', value: `${formatShanghai(task.ackDueAt)}${provisional ? '（暂定）' : ''} 前` },
      { label: '派单', value: dispatcher },
    ],
    actions: [
      { action: 'take', text: '报到' },
      { action: 'finish', text: '办结' },
      { action: 'return', text: '退回' },
    ],
  };
  if (!taken) return card;
  return {
    ...card,
    fields: card.fields.map((field) => (field.label === '报到期限' ? { label: '报到', value: taken } : field)),
    actions: card.actions.filter((action) => action.action !== 'take'),
  };
}
