// The task card (任务分送单及回执, 002 附件5): what, for whom, by when to report, and the buttons.
import type { Project, Task } from '../../generated/prisma/client.js';
import type { Card, CardButton } from '../../bot/messages.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import { isPhase, phaseNames } from '../../domain/catalogue/approval-phases.js';
import { taskCardKey } from './task-card-key.js';

/** The card's buttons; each does what the text command of the same name does. */
function taskCardButtons(taskId: number): Record<'take' | 'finish' | 'return', CardButton> {
  return {
    take: { id: 'take', text: '报到', style: 'primary', command: `报到 T${taskId}` },
    finish: { id: 'finish', text: '办结', style: 'primary', command: `办结 T${taskId}` },
    return: { id: 'return', text: '退回', style: 'danger', input: { placeholder: '退回原因（一次写明全部原因）' }, command: `退回 T${taskId} 原因` },
  };
}

/**
 * `taken`: the card after 报到 — who took it, and only the 办结 and 退回 buttons left. `closed`: no
 * buttons. `provisional`: the report deadline falls on a provisional (暂定) calendar year.
 */
export function buildTaskCard(options: { task: Task; project: Project; dispatcher: string; taken?: string; closed?: boolean; provisional?: boolean }): Card {
  const { task, project, dispatcher, taken, closed, provisional } = options;
  const fields = [
    { label: '项目', value: `P${project.id} ${project.name}` },
    { label: '企业', value: project.enterprise || '—' },
    { label: '阶段', value: isPhase(task.phase) ? phaseNames[task.phase] : String(task.phase) },
    { label: '承诺时限', value: `报到后 ${task.promisedDays} 个工作日` },
    taken ? { label: '报到', value: taken } : { label: '报到期限', value: `${formatShanghai(task.ackDueAt)}${provisional ? '（暂定）' : ''} 前` },
    { label: '派单', value: dispatcher },
  ];
  const all = taskCardButtons(task.id);
  const buttons: CardButton[] = closed ? [] : taken ? [all.finish, all.return] : [all.take, all.finish, all.return];
  return { key: taskCardKey(task.id), title: `任务 T${task.id} · ${task.itemName}`, fields, buttons };
}
