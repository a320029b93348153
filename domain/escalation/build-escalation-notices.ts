// Who is told what at each escalation step of a call (002 五(五)(六)): step 1 reminds the unit's
// agents and tells its 责任领导 and the window; step 2 tells the project's leader and 重点项目办.
// One message per person per step, even when someone holds two of these roles, and one per call
// however many items it carries: the unit is called to the window once (docs/domain.md "Calls").
import type { EscalationStep } from './plan-escalation.js';

/** `R` names a recipient (a person id in the bot). */
export interface EscalationAudience<R> {
  agents: readonly R[];
  unitLeaders: readonly R[];
  window: readonly R[];
  projectLeader: R | null;
  projectOffice: readonly R[];
}

export interface EscalationSubject {
  projectId: number;
  projectName: string;
  /** The call's items, in task order. */
  items: readonly { taskId: number; itemName: string }[];
  unitName: string;
  postedAt: string;
  minutes: number;
}

export interface Notice<R> {
  recipient: R;
  text: string;
}

export function buildEscalationNotices<R>(step: EscalationStep, subject: EscalationSubject, audience: EscalationAudience<R>): Notice<R>[] {
  const what = `任务 ${subject.items.map((item) => `T${item.taskId} ${item.itemName}`).join('、')}（P${subject.projectId} ${subject.projectName}）`;
  const groups: [readonly R[], string][] =
    step === 1
      ? [
          [audience.agents, `提醒：${what}于 ${subject.postedAt} 派单，已超过 ${subject.minutes} 分钟未报到，请立即报到。`],
          [[...audience.unitLeaders, ...audience.window], `${subject.unitName}的${what}已超过 ${subject.minutes} 分钟未报到。`],
        ]
      : [
          [
            [...(audience.projectLeader !== null ? [audience.projectLeader] : []), ...audience.projectOffice],
            `督办：${subject.unitName}的${what}派单已超过 ${subject.minutes} 分钟仍无人报到。`,
          ],
        ];
  const told = new Set<R>();
  const notices: Notice<R>[] = [];
  for (const [recipients, text] of groups) {
    for (const recipient of recipients) {
      if (told.has(recipient)) continue;
      told.add(recipient);
      notices.push({ recipient, text });
    }
  }
  return notices;
}
