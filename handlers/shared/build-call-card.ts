// The call card (任务分送单及回执, 002 附件5): one card per unit and project for a 派单, listing the
// unit's items with their promised days, the 报到 deadline and the buttons (docs/domain.md "Calls").
// A one-item call keeps 办结 and 退回 on the card after 报到; a call of several items shows each
// item's state and the commands to type, since one button per item would not fit (WeCom 按钮交互型
// cards take at most 6 buttons; the DingTalk templates have 3 slots, bot/dingtalk/build-card-params.ts).
import type { Call, Project, Task } from '../../generated/prisma/client.js';
import type { Card, CardButton } from '../../core/messages.js';
import { taskStateNames } from './task-refusal.js';
import { callCardKey } from './call-card-key.js';

export type CallCardOptions = {
  call: Call;
  project: Project;
  unitName: string;
  tasks: readonly Task[];
  dispatcher: string;
} & (
  | /** Who took the call and when, once taken. */ { taken: string; ackDue?: never }
  | /** The report deadline as shown until then, （暂定） in a provisional year (domain/calendar/mark-provisional.ts). */ {
      taken?: never;
      ackDue: string;
    }
);

export function buildCallCard(options: CallCardOptions): Card {
  const { call, project, unitName, tasks, dispatcher, taken, ackDue } = options;
  const first = tasks[0]!;
  const single = tasks.length === 1;
  const items = tasks.map((task) => ({
    label: `T${task.id}`,
    value: `${task.itemName}，报到后 ${task.promisedDays} 个工作日${taken ? ` · ${taskStateNames[task.state] ?? task.state}` : ''}`,
  }));
  const open = tasks.some((task) => ['posted', 'taken', 'suspended'].includes(task.state));
  const fields = [
    { label: '项目', value: `P${project.id} ${project.name}（${unitName}）` },
    taken ? { label: '报到', value: taken } : { label: '报到期限', value: `${ackDue} 前` },
    ...items,
    { label: '派单', value: dispatcher },
    ...(taken && !single && open ? [{ label: '逐项办理', value: `办结 T${first.id} 结果；退回 T${first.id} 原因；中止 T${first.id} 原因` }] : []),
  ];
  const take: CardButton = { id: 'take', text: '报到', style: 'primary', command: `报到 T${first.id}` };
  const finish: CardButton = { id: 'finish', text: '办结', style: 'primary', command: `办结 T${first.id}` };
  const back: CardButton = {
    id: 'return',
    text: '退回',
    style: 'danger',
    input: { placeholder: '退回原因（一次写明全部原因）' },
    command: `退回 T${first.id} 原因`,
  };
  const buttons: CardButton[] =
    call.state === 'posted' ? (single ? [take, finish, back] : [take]) : call.state === 'taken' && single && first.state === 'taken' ? [finish, back] : [];
  const title = single ? `任务 T${first.id} · ${first.itemName}` : `任务 ${tasks.map((task) => `T${task.id}`).join(' ')} · ${tasks.length} 项`;
  return { key: callCardKey(call.id), title, fields, buttons };
}
